import { DynamicModule, Module } from '@nestjs/common';
import { DeadLettersModule, PlatformModule } from '@helpgate/platform';
import { EmailIngestConfig } from './config';
import { InboundMessageEntity } from './inbound/inbound-message.entity';
import { InboundModule } from './inbound/inbound.module';
import { RawMessageEntity } from './inbound/raw-message.entity';
import { AttachmentEntity } from './inbound/attachment.entity';
import { CreateAttachments1763900000310 } from './migrations/1763900000310-create-attachments';
import { CreateSupportAddresses1763900000320 } from './migrations/1763900000320-create-support-addresses';
import { SupportAddressEntity } from './support-addresses/support-address.entity';
import { CreateQuarantine1763900000330 } from './migrations/1763900000330-create-quarantine';
import { QuarantinedMessageEntity } from './quarantine/quarantined-message.entity';
import { CreateIngestSchema1763900000300 } from './migrations/1763900000300-create-ingest-schema';
import { CreateOutboundDeliveries1763900000400 } from './migrations/1763900000400-create-outbound-deliveries';
import { OutboundMessageIdIndex1763900000410 } from './migrations/1763900000410-outbound-message-id-index';
import { ReadInboundMailAfterAcceptance1763900000500 } from './migrations/1763900000500-read-inbound-mail-after-acceptance';
import { KeepMachineMailInQuarantine1763900000600 } from './migrations/1763900000600-keep-machine-mail-in-quarantine';
import { QuarantineMailWhoseProcessingFailed1763900000700 } from './migrations/1763900000700-quarantine-mail-whose-processing-failed';
import { ErasedSenders1763900000710 } from './migrations/1763900000710-erased-senders';
import { HeldMailCarriesTextOnce1763900000720 } from './migrations/1763900000720-held-mail-carries-text-once';
import { CompressStoredMailWithLz41763900000730 } from './migrations/1763900000730-compress-stored-mail-with-lz4';
import { OutboundDeliveryEntity } from './outbound/outbound-delivery.entity';
import { OutboundModule } from './outbound/outbound.module';
import { DownloadsModule } from './downloads/downloads.module';
import { ErasureEventsModule } from './erasures/erasures.module';

export const emailIngestSchema = {
  entities: [
    RawMessageEntity,
    InboundMessageEntity,
    AttachmentEntity,
    SupportAddressEntity,
    QuarantinedMessageEntity,
    OutboundDeliveryEntity,
  ],
  migrations: [
    CreateIngestSchema1763900000300,
    CreateAttachments1763900000310,
    CreateSupportAddresses1763900000320,
    CreateQuarantine1763900000330,
    CreateOutboundDeliveries1763900000400,
    OutboundMessageIdIndex1763900000410,
    ReadInboundMailAfterAcceptance1763900000500,
    KeepMachineMailInQuarantine1763900000600,
    QuarantineMailWhoseProcessingFailed1763900000700,
    ErasedSenders1763900000710,
    HeldMailCarriesTextOnce1763900000720,
    CompressStoredMailWithLz41763900000730,
  ],
};

@Module({})
export class EmailIngestModule {
  static forRoot(config: EmailIngestConfig): DynamicModule {
    return {
      module: EmailIngestModule,
      imports: [
        PlatformModule.forService(config, emailIngestSchema),
        DeadLettersModule.forService(config.service),
        InboundModule.forRoot(config),
        OutboundModule.forRoot(config),
        DownloadsModule,
        ErasureEventsModule.forRoles(config.roles),
      ],
    };
  }
}
