import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum DeadLetterErrorCode {
  UnknownTopic = 'dead_letter.unknown_topic',
  NotFound = 'dead_letter.not_found',
  Unreadable = 'dead_letter.unreadable',
}

export class DeadLetterException extends domainExceptionFor({
  [DeadLetterErrorCode.UnknownTopic]: ErrorKind.NotFound,
  [DeadLetterErrorCode.NotFound]: ErrorKind.NotFound,
  [DeadLetterErrorCode.Unreadable]: ErrorKind.Unavailable,
}) {}
