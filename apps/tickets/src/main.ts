import 'reflect-metadata';
import { kafkaEventTransport } from '@helpgate/kafka';
import { main } from '@helpgate/platform';
import { loadTicketsConfig } from './config';
import { TicketsAppModule } from './tickets-app.module';

main({
  loadConfig: () => loadTicketsConfig(),
  rootModule: (config) => TicketsAppModule.forRoot(config),
  eventTransport: (app, config) => kafkaEventTransport(app, config.kafka),
});
