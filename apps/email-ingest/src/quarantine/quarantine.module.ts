import { DynamicModule, Module } from '@nestjs/common';
import type { QuarantineConfig } from '../config';
import { MACHINE_MAIL_RETENTION, MachineMailRetentionSweeper } from './machine-mail-retention.sweeper';
import { QuarantineController } from './quarantine.controller';
import { QuarantineRepository } from './quarantine.repository';
import { QuarantineService } from './quarantine.service';

@Module({})
export class QuarantineModule {
  static forRoot(config: QuarantineConfig): DynamicModule {
    return {
      module: QuarantineModule,
      controllers: [QuarantineController],
      providers: [
        { provide: MACHINE_MAIL_RETENTION, useValue: config },
        QuarantineRepository,
        QuarantineService,
        MachineMailRetentionSweeper,
      ],
      exports: [QuarantineRepository],
    };
  }
}
