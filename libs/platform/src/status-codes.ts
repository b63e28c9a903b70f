import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { RequestErrorCode } from './error-body';

/** What a bare status means here when nothing more specific says: Nest raises these itself. */
const codeOfKnownStatus: Partial<Record<number, RequestErrorCode>> = {
  // Nest's own pipes (`ParseUUIDPipe`, …) refuse a path or query value that is not of the declared type.
  [HttpStatus.BAD_REQUEST]: RequestErrorCode.InvalidInput,
  // Nest's router, for a method and path no controller declares.
  [HttpStatus.NOT_FOUND]: RequestErrorCode.RouteNotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: RequestErrorCode.BodyTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: RequestErrorCode.UnsupportedMediaType,
  [HttpStatus.INTERNAL_SERVER_ERROR]: RequestErrorCode.InternalError,
  [HttpStatus.SERVICE_UNAVAILABLE]: RequestErrorCode.Unavailable,
};

/** The code of an error known only by its status: a known one's, else `request.<reason>` or `server.<reason>` (e.g. `request.method_not_allowed`). */
export function codeOfStatus(status: number): string {
  const known = codeOfKnownStatus[status];
  if (known) return known;
  const reason = (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return `${status >= 500 ? 'server' : 'request'}.${reason}`;
}
