import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@helpgate/auth';
import type { CommonConfig } from '@helpgate/config';
import { DatabaseModule, ServiceSchema } from '@helpgate/database';
import { KafkaModule } from '@helpgate/kafka';
import { CheaperOutboxRows1763900000010, CreateMessagingTables1763900000000 } from '@helpgate/outbox';
import { CreateDeadLetterReplays1763900000050 } from './dead-letters/dead-letter-replays.migration';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ApiDocumentModule } from './openapi/api-document.module';
import { structuredLogging } from './logging';

/**
 * What every service stands on: a signed token required on every HTTP route but the public ones, structured logs, its own migrated database (with the outbox and
 * processed-events tables before the service's own migrations), Kafka, a health check, Prometheus metrics, and the
 * OpenAPI document of its routes with a page rendering it.
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
          migrations: [CreateMessagingTables1763900000000, CheaperOutboxRows1763900000010, CreateDeadLetterReplays1763900000050, ...schema.migrations],
        }),
        KafkaModule.forRoot(config.kafka),
        AuthModule.forRoot(config.auth.publicKeys),
        ApiDocumentModule.forService(config.service),
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
