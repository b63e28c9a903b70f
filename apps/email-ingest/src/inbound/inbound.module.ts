import { DynamicModule, Module } from '@nestjs/common';
import type { SmtpConfig } from '../config';
import { SMTP_CONFIG, SmtpFrontDoor } from '../smtp/smtp-front-door';
import { AcceptInboundMailUseCase } from './accept-inbound-mail.use-case';
import { InboundMessagesRepository } from './inbound-messages.repository';

@Module({})
export class InboundModule {
  static forRoot(config: SmtpConfig): DynamicModule {
    return {
      module: InboundModule,
      providers: [{ provide: SMTP_CONFIG, useValue: config }, InboundMessagesRepository, AcceptInboundMailUseCase, SmtpFrontDoor],
    };
  }
}
