import { kafkaEventTransport } from '@helpgate/kafka';
import type { ServiceDefinition } from '@helpgate/platform';
import { EmailIngestConfig, loadEmailIngestConfig } from './config';
import { EmailIngestModule } from './email-ingest.module';
import { ProcessingFailedMailObserver } from './quarantine/processing-failed-mail.observer';

export function emailIngestServiceDefinition(env: NodeJS.ProcessEnv): ServiceDefinition<EmailIngestConfig> {
  return {
    loadConfig: () => loadEmailIngestConfig(env),
    rootModule: (config) => EmailIngestModule.forRoot(config),
    consumesEvents: (config) => config.roles.processing,
    eventTransport: (app, config) => kafkaEventTransport(app, config.kafka, [app.get(ProcessingFailedMailObserver)]),
  };
}
