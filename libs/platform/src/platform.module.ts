import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { structuredLogging } from './logging';

/** Logging and health checks every service shares. */
@Module({})
export class PlatformModule {
  static forService(options: { service: string; logLevel: string }): DynamicModule {
    return {
      module: PlatformModule,
      imports: [structuredLogging({ service: options.service, level: options.logLevel })],
      controllers: [HealthController],
    };
  }
}
