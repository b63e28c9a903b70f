import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { ticketsService } from './tickets.definition';

main(ticketsService(process.env));
