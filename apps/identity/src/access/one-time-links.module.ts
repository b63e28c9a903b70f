import { DynamicModule, Module } from '@nestjs/common';
import type { AccessConfig } from '../config';
import { AccessRepository } from './access.repository';
import { ACCESS_CONFIG, OneTimeLinksService } from './one-time-links.service';

@Module({})
export class OneTimeLinksModule {
  static forRoot(config: AccessConfig): DynamicModule {
    return {
      module: OneTimeLinksModule,
      // Global because welcome mail, sign-in and staff management all issue links.
      global: true,
      providers: [{ provide: ACCESS_CONFIG, useValue: config }, AccessRepository, OneTimeLinksService],
      exports: [ACCESS_CONFIG, AccessRepository, OneTimeLinksService],
    };
  }
}
