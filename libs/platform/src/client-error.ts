import { HttpStatus } from '@nestjs/common';
import { ErrorBody, RequestErrorCode } from './error-body';
import { codeOfStatus } from './status-codes';

/** An error Express middleware (the body parsers) raised about the request itself: it says what is wrong with it. */
interface ExposedHttpError {
  status: number;
  expose: true;
  message: string;
  type?: string;
  limit?: number;
}

/** The parsers' error types that have a code of their own; any other takes the code of its status. */
const codeOfParserError: Record<string, RequestErrorCode> = {
  'entity.parse.failed': RequestErrorCode.MalformedBody,
  'entity.verify.failed': RequestErrorCode.MalformedBody,
  'request.aborted': RequestErrorCode.MalformedBody,
  'request.size.invalid': RequestErrorCode.MalformedBody,
  'charset.unsupported': RequestErrorCode.UnsupportedMediaType,
  'encoding.unsupported': RequestErrorCode.UnsupportedMediaType,
};

/** The answer to a request error raised before any handler ran, or null for anything else. */
export function clientErrorOf(exception: unknown): ErrorBody | null {
  if (!isExposedClientError(exception)) return null;
  const { status, type, limit } = exception;
  if (type === 'entity.too.large' && limit !== undefined) {
    return {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      code: RequestErrorCode.BodyTooLarge,
      message: `The request body is larger than the ${limit} bytes this API accepts`,
    };
  }
  return { statusCode: status, code: codeOfParserError[type ?? ''] ?? codeOfStatus(status), message: exception.message };
}

function isExposedClientError(exception: unknown): exception is ExposedHttpError {
  if (typeof exception !== 'object' || exception === null) return false;
  const { status, expose } = exception as Partial<ExposedHttpError>;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
