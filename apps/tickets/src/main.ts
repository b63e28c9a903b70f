import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { ticketsServiceDefinition } from './tickets.definition';

main(ticketsServiceDefinition(process.env));
