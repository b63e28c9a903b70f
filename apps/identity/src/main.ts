import 'reflect-metadata';
import { kafkaEventTransport } from '@helpgate/kafka';
import { main } from '@helpgate/platform';
import { loadIdentityConfig } from './config';
import { IdentityModule } from './identity.module';

main({
  loadConfig: () => loadIdentityConfig(),
  rootModule: (config) => IdentityModule.forRoot(config),
  eventTransport: (app, config) => kafkaEventTransport(app, config.kafka),
});
