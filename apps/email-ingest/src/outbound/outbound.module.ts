import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ErasuresModule } from '../erasures/erasures.module';
import type { EmailIngestConfig } from '../config';
import { BounceRecorderService } from './bounce-recorder.service';
import { DeliverOutboundMailUseCase, RETRY_POLICY } from './deliver-outbound-mail.use-case';
import { MailRelay } from './mail-relay';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';
import { OutboundRequestConsumer } from './outbound-request.consumer';
import { OutboundSender } from './outbound-sender';
import { QueueOutboundMailUseCase } from './queue-outbound-mail.use-case';

/** Sends the mail other services request over Kafka, through the configured SMTP relay. */
@Module({})
export class OutboundModule {
  static forRoot(config: EmailIngestConfig): DynamicModule {
    return {
      module: OutboundModule,
      // Inbound mail needs the bounce recorder: bounces of our mail arrive over SMTP like any other mail.
      global: true,
      imports: [OutboxModule, ErasuresModule],
      controllers: config.roles.processing ? [OutboundRequestConsumer] : [],
      providers: [
        { provide: RETRY_POLICY, useValue: { maxAttempts: config.outbound.maxAttempts, retryBaseMs: config.outbound.retryBaseMs } },
        {
          provide: MailRelay,
          useFactory: () =>
            new MailRelay({
              url: config.outbound.relayUrl,
              heloName: config.smtp.serverName,
              connections: config.outbound.relayConnections,
            }),
        },
        OutboundDeliveriesRepository,
        QueueOutboundMailUseCase,
        DeliverOutboundMailUseCase,
        OutboundSender,
        BounceRecorderService,
      ],
      exports: [BounceRecorderService],
    };
  }
}
