import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum AuthErrorCode {
  TokenMissing = 'auth.token_missing',
  TokenInvalid = 'auth.token_invalid',
  TokenExpired = 'auth.token_expired',
  /** A valid token whose holder is not of the route's audience (a contact on an agents' route, an agent on an admins' one). */
  WrongAudience = 'auth.wrong_audience',
}

const kindOf: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.TokenMissing]: ErrorKind.Unauthenticated,
  [AuthErrorCode.TokenInvalid]: ErrorKind.Unauthenticated,
  [AuthErrorCode.TokenExpired]: ErrorKind.Unauthenticated,
  [AuthErrorCode.WrongAudience]: ErrorKind.Forbidden,
};

export class AuthException extends domainExceptionFor(kindOf) {}
