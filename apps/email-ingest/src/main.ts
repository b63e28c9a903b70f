import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { emailIngestServiceDefinition } from './email-ingest.definition';

main(emailIngestServiceDefinition(process.env));
