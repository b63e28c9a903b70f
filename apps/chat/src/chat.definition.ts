import { kafkaEventTransport } from '@helpgate/kafka';
import type { ServiceDefinition } from '@helpgate/platform';
import { ChatConfig, jsonBodyLimitBytes, loadChatConfig } from './config';
import { ChatModule } from './chat.module';
import { createChatIoAdapter } from './instances/chat-io-adapter';

export function chatServiceDefinition(env: NodeJS.ProcessEnv): ServiceDefinition<ChatConfig> {
  return {
    loadConfig: () => loadChatConfig(env),
    rootModule: (config) => ChatModule.forRoot(config),
    eventTransport: (app, config) => kafkaEventTransport(app, config.kafka),
    jsonBodyLimitBytes,
    webSocketAdapter: (app, config) => createChatIoAdapter(app, config),
  };
}
