import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import type { EmailIngestConfig } from '../config';
import { SMTP_CONFIG, SmtpFrontDoor } from '../smtp/smtp-front-door';
import { AcceptInboundMailUseCase } from './accept-inbound-mail.use-case';
import { ErasuresModule } from '../erasures/erasures.module';
import { QuarantineModule } from '../quarantine/quarantine.module';
import { InboundAcceptedConsumer } from './inbound-accepted.consumer';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { OWN_DOMAINS, ProcessAcceptedMailUseCase, QUARANTINE_CONFIG } from './process-accepted-mail.use-case';
import { SenderAuthenticationService } from './sender-authentication.service';
import { SupportAddressesModule } from '../support-addresses/support-addresses.module';

@Module({})
export class InboundModule {
  static forRoot(config: EmailIngestConfig): DynamicModule {
    return {
      module: InboundModule,
      imports: [
        SupportAddressesModule.forRoot(config.smtp.supportAddresses),
        QuarantineModule.forRoot(config.quarantine),
        ErasuresModule,
        OutboxModule,
      ],
      controllers: config.roles.processing ? [InboundAcceptedConsumer] : [],
      providers: [
        { provide: SMTP_CONFIG, useValue: config.smtp },
        { provide: OWN_DOMAINS, useValue: config.ownDomains },
        { provide: QUARANTINE_CONFIG, useValue: config.quarantine },
        {
          provide: SenderAuthenticationService,
          useValue: new SenderAuthenticationService({ serverName: config.smtp.serverName, dnsServers: config.dnsServers }),
        },
        InboundMessagesRepository,
        AcceptInboundMailUseCase,
        ProcessAcceptedMailUseCase,
        ...(config.roles.smtp ? [SmtpFrontDoor] : []),
      ],
    };
  }
}
