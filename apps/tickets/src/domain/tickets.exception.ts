import { DomainException, ErrorKind } from '@helpgate/platform';

export enum TicketsErrorCode {
  TicketNotFound = 'ticket.not_found',
}

const kindOf: Record<TicketsErrorCode, ErrorKind> = {
  [TicketsErrorCode.TicketNotFound]: ErrorKind.NotFound,
};

export class TicketsException extends DomainException<TicketsErrorCode> {
  constructor(code: TicketsErrorCode, message: string) {
    super(code, kindOf[code], message);
  }
}
