import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { ChatModule } from './chat.module';
import { loadChatConfig } from './config';

main({
  loadConfig: () => loadChatConfig(),
  rootModule: (config) => ChatModule.forRoot(config),
});
