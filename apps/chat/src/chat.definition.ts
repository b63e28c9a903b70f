import type { ServiceDefinition } from '@helpgate/platform';
import { ChatConfig, loadChatConfig } from './config';
import { ChatModule } from './chat.module';
import { createChatIoAdapter } from './instances/chat-io-adapter';

export function chatServiceDefinition(env: NodeJS.ProcessEnv): ServiceDefinition<ChatConfig> {
  return {
    loadConfig: () => loadChatConfig(env),
    rootModule: (config) => ChatModule.forRoot(config),
    webSocketAdapter: (app, config) => createChatIoAdapter(app, config),
  };
}
