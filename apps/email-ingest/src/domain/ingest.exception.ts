import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum IngestErrorCode {
  UnknownRecipient = 'ingest.unknown_recipient',
  TooManyRecipients = 'ingest.too_many_recipients',
  MessageTooLarge = 'ingest.message_too_large',
  MalformedMessage = 'ingest.malformed_message',
  NotDurable = 'ingest.not_durable',
  TooManyConnections = 'ingest.too_many_connections',
  TooManyMessages = 'ingest.too_many_messages',
}

const kindOf: Record<IngestErrorCode, ErrorKind> = {
  [IngestErrorCode.UnknownRecipient]: ErrorKind.NotFound,
  [IngestErrorCode.TooManyRecipients]: ErrorKind.Invalid,
  [IngestErrorCode.MessageTooLarge]: ErrorKind.Invalid,
  [IngestErrorCode.MalformedMessage]: ErrorKind.Invalid,
  [IngestErrorCode.NotDurable]: ErrorKind.Unavailable,
  [IngestErrorCode.TooManyConnections]: ErrorKind.Unavailable,
  [IngestErrorCode.TooManyMessages]: ErrorKind.Unavailable,
};

export class IngestException extends domainExceptionFor(kindOf) {}
