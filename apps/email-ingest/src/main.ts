import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { emailIngestService } from './email-ingest.definition';

main(emailIngestService(process.env));
