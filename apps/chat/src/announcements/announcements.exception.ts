import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum AnnouncementsErrorCode {
  NotFound = 'announcements.not_found',
  /** Neither a contact token nor a visitor id says whose unread count or read mark it is. */
  ReaderUnknown = 'announcements.reader_unknown',
}

const kindOf: Record<AnnouncementsErrorCode, ErrorKind> = {
  [AnnouncementsErrorCode.NotFound]: ErrorKind.NotFound,
  [AnnouncementsErrorCode.ReaderUnknown]: ErrorKind.Invalid,
};

export class AnnouncementsException extends domainExceptionFor(kindOf) {}
