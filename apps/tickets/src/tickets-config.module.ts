import { DynamicModule, Global, Module } from '@nestjs/common';
import type { TicketsConfig } from './config';
import { ThreadTokens } from './domain/thread-tokens';

export const TICKET_MAIL_CONFIG = Symbol('TICKET_MAIL_CONFIG');
export const ATTACHMENT_LIMITS = Symbol('ATTACHMENT_LIMITS');

/** The service's own settings, and the thread tokens signed with its secret, for every feature module. */
@Global()
@Module({})
export class TicketsConfigModule {
  static forRoot(config: TicketsConfig): DynamicModule {
    const providers = [
      { provide: TICKET_MAIL_CONFIG, useValue: config.mail },
      { provide: ATTACHMENT_LIMITS, useValue: config.attachments },
      { provide: ThreadTokens, useValue: new ThreadTokens(config.mail.threadSecret) },
    ];
    return { module: TicketsConfigModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
