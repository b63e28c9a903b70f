import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum TicketsErrorCode {
  TicketNotFound = 'ticket.not_found',
}

const kindOf: Record<TicketsErrorCode, ErrorKind> = {
  [TicketsErrorCode.TicketNotFound]: ErrorKind.NotFound,
};

export class TicketsException extends domainExceptionFor(kindOf) {}
