import { DynamicModule, Module } from '@nestjs/common';
import type { EmailIngestConfig } from '../config';
import { SMTP_CONFIG, SmtpFrontDoor } from '../smtp/smtp-front-door';
import { AcceptInboundMailUseCase, OWN_DOMAINS, QUARANTINE_CONFIG } from './accept-inbound-mail.use-case';
import { QuarantineModule } from '../quarantine/quarantine.module';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { SenderAuthenticator } from './sender-authenticator';
import { SupportAddressesModule } from '../support-addresses/support-addresses.module';

@Module({})
export class InboundModule {
  static forRoot(config: EmailIngestConfig): DynamicModule {
    return {
      module: InboundModule,
      imports: [SupportAddressesModule.forRoot(config.smtp.supportAddresses), QuarantineModule],
      providers: [
        { provide: SMTP_CONFIG, useValue: config.smtp },
        { provide: OWN_DOMAINS, useValue: config.ownDomains },
        { provide: QUARANTINE_CONFIG, useValue: config.quarantine },
        {
          provide: SenderAuthenticator,
          useValue: new SenderAuthenticator({ serverName: config.smtp.serverName, dnsServers: config.dnsServers }),
        },
        InboundMessagesRepository,
        AcceptInboundMailUseCase,
        SmtpFrontDoor,
      ],
    };
  }
}
