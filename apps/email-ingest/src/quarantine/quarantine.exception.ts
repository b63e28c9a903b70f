import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum QuarantineErrorCode {
  NotHeld = 'quarantine.not_held',
}

export class QuarantineException extends domainExceptionFor({ [QuarantineErrorCode.NotHeld]: ErrorKind.NotFound }) {}
