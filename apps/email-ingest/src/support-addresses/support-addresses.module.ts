import { DynamicModule, Module } from '@nestjs/common';
import { CONFIGURED_SUPPORT_ADDRESSES, SupportAddressDirectoryService } from './support-address-directory.service';
import { SupportAddressesController } from './support-addresses.controller';
import { SupportAddressesRepository } from './support-addresses.repository';
import { SupportAddressesService } from './support-addresses.service';

@Module({})
export class SupportAddressesModule {
  static forRoot(configured: readonly string[]): DynamicModule {
    return {
      module: SupportAddressesModule,
      controllers: [SupportAddressesController],
      providers: [
        { provide: CONFIGURED_SUPPORT_ADDRESSES, useValue: configured },
        SupportAddressesRepository,
        SupportAddressDirectoryService,
        SupportAddressesService,
      ],
      exports: [SupportAddressDirectoryService],
    };
  }
}
