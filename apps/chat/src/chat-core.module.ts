import { randomUUID } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CHAT_SETTINGS, INSTANCE_ID, TOKEN_KEYS } from './chat-core.tokens';
import type { ChatConfig, ChatSettings } from './config';
import { ChatMetrics } from './metrics/chat-metrics';
import { ChatNotifier } from './realtime/chat-notifier';
import { ChatTransactions, QueueSignal } from './realtime/chat-transactions';
import { VisitorTokens } from './visitors/visitor-token';

/** Chat's settings and the plumbing every feature shares: transactions with notices, the notifier, metrics. */
@Global()
@Module({})
export class ChatCoreModule {
  static forRoot(config: ChatConfig): DynamicModule {
    const providers = [
      { provide: CHAT_SETTINGS, useValue: { ...config.chat, defaultBusinessHours: config.defaultBusinessHours } satisfies ChatSettings },
      { provide: TOKEN_KEYS, useValue: config.auth.publicKeys },
      { provide: INSTANCE_ID, useValue: randomUUID() },
      { provide: VisitorTokens, useValue: new VisitorTokens(config.chat.visitorTokenSecret) },
      ChatNotifier,
      QueueSignal,
      ChatTransactions,
      ChatMetrics,
    ];
    return {
      module: ChatCoreModule,
      imports: [OutboxModule],
      providers,
      exports: providers.map((provider) => ('provide' in provider ? provider.provide : provider)),
    };
  }
}
