import { kafkaEventTransport } from '@helpgate/kafka';
import type { ServiceDefinition } from '@helpgate/platform';
import { IdentityConfig, loadIdentityConfig } from './config';
import { IdentityModule } from './identity.module';

export function identityServiceDefinition(env: NodeJS.ProcessEnv): ServiceDefinition<IdentityConfig> {
  return {
    loadConfig: () => loadIdentityConfig(env),
    rootModule: (config) => IdentityModule.forRoot(config),
    eventTransport: (app, config) => kafkaEventTransport(app, config.kafka),
  };
}
