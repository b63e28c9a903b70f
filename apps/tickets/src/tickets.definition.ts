import { kafkaEventTransport } from '@helpgate/kafka';
import type { ServiceDefinition } from '@helpgate/platform';
import { jsonBodyLimitBytes, loadTicketsConfig, TicketsConfig } from './config';
import { TicketsAppModule } from './tickets-app.module';

export function ticketsServiceDefinition(env: NodeJS.ProcessEnv): ServiceDefinition<TicketsConfig> {
  return {
    loadConfig: () => loadTicketsConfig(env),
    rootModule: (config) => TicketsAppModule.forRoot(config),
    eventTransport: (app, config) => kafkaEventTransport(app, config.kafka),
    jsonBodyLimitBytes,
  };
}
