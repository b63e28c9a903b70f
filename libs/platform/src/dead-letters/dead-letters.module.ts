import { DynamicModule, Module } from '@nestjs/common';
import { DeadLetterRecords } from '@helpgate/kafka';
import { DeadLetterDepth } from './dead-letter-depth';
import { DeadLetterReplaysRepository } from './dead-letter-replays.repository';
import { DeadLettersController } from './dead-letters.controller';
import { DEAD_LETTER_SERVICE_NAME, DeadLettersService } from './dead-letters.service';

/**
 * Admins list, inspect and replay the service's dead letters (`/dead-letters`), and `/metrics` shows the depth of
 * its dead-letter topics. A service consuming events imports `DeadLettersModule.forService(config.service)`.
 */
@Module({})
export class DeadLettersModule {
  static forService(service: string): DynamicModule {
    return {
      module: DeadLettersModule,
      controllers: [DeadLettersController],
      providers: [
        { provide: DEAD_LETTER_SERVICE_NAME, useValue: service },
        DeadLetterRecords,
        DeadLetterReplaysRepository,
        DeadLettersService,
        DeadLetterDepth,
      ],
    };
  }
}
