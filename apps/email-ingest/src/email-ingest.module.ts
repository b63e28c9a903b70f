import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@helpgate/platform';
import { EmailIngestConfig } from './config';
import { InboundMessageEntity } from './inbound/inbound-message.entity';
import { InboundModule } from './inbound/inbound.module';
import { RawMessageEntity } from './inbound/raw-message.entity';
import { CreateIngestSchema1763900000300 } from './migrations/1763900000300-create-ingest-schema';

export const emailIngestSchema = {
  entities: [RawMessageEntity, InboundMessageEntity],
  migrations: [CreateIngestSchema1763900000300],
};

@Module({})
export class EmailIngestModule {
  static forRoot(config: EmailIngestConfig): DynamicModule {
    return {
      module: EmailIngestModule,
      imports: [PlatformModule.forService(config, emailIngestSchema), InboundModule.forRoot(config.smtp)],
    };
  }
}
