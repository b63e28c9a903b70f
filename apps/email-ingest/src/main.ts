import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { emailIngestService } from './email-ingest.service';

main(emailIngestService(process.env));
