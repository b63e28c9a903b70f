import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { ticketsService } from './tickets.service';

main(ticketsService(process.env));
