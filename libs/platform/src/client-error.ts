/** An error Express middleware (the body parsers) raised about the request itself: it says what is wrong with it. */
interface ExposedHttpError {
  status: number;
  expose: true;
  message: string;
  type?: string;
  limit?: number;
}

/** The status and message to answer for a request error raised before any handler ran, or null for anything else. */
export function clientErrorOf(exception: unknown): { status: number; message: string } | null {
  if (!isExposedClientError(exception)) return null;
  if (exception.type === 'entity.too.large' && exception.limit !== undefined) {
    return { status: exception.status, message: `The request body is larger than the ${exception.limit} bytes this API accepts` };
  }
  return { status: exception.status, message: exception.message };
}

function isExposedClientError(exception: unknown): exception is ExposedHttpError {
  if (typeof exception !== 'object' || exception === null) return false;
  const { status, expose } = exception as Partial<ExposedHttpError>;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
