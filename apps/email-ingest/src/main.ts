import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { loadEmailIngestConfig } from './config';
import { EmailIngestModule } from './email-ingest.module';

main({
  loadConfig: () => loadEmailIngestConfig(),
  rootModule: (config) => EmailIngestModule.forRoot(config),
});
