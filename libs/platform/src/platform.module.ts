import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@helpgate/auth';
import type { CommonConfig } from '@helpgate/config';
import { DatabaseModule, ServiceSchema } from '@helpgate/database';
import { KafkaModule } from '@helpgate/kafka';
import { CreateMessagingTables1763900000000 } from '@helpgate/outbox';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { structuredLogging } from './logging';

/**
 * What every service stands on: a signed token required on every HTTP route but the public ones, structured logs, its own migrated database (with the outbox and
 * processed-events tables before the service's own migrations), Kafka, a health check and Prometheus metrics.
 */
@Module({})
export class PlatformModule {
  static forService(config: CommonConfig, schema: ServiceSchema): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        structuredLogging({ service: config.service, level: config.logLevel }),
        DatabaseModule.forService(config.database, {
          entities: schema.entities,
          migrations: [CreateMessagingTables1763900000000, ...schema.migrations],
        }),
        KafkaModule.forRoot(config.kafka),
        AuthModule.forRoot(config.auth.publicKeys),
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
