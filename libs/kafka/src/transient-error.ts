import { types } from 'node:util';

const transientNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Postgres SQLSTATEs that say "try again later", not "this input is wrong". */
const transientSqlStates = new Set(['40001', '40P01', '53300', '57P01', '57P02', '57P03', '55P03']);

const transientErrorNames = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
  'KafkaJSLockTimeout',
  'CannotConnectAlreadyConnectedError',
]);

const transientMessages = [
  /connection terminated/i,
  /connection timeout/i,
  /terminating connection/i,
  /the database system is (starting|shutting) up/i,
];

/**
 * True when an error comes from infrastructure that is down or busy, so waiting and retrying will
 * succeed; such failures must never send an event to the dead-letter topic.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  // Node's own errors (a refused connection) come from another realm than the code's `Error` under a test runner.
  if (!(error instanceof Error || types.isNativeError(error)) || depth > 5) return false;
  const details = error as Error & { code?: unknown; retriable?: unknown; driverError?: unknown };
  const code = typeof details.code === 'string' ? details.code : undefined;
  if (code && (transientNetworkCodes.has(code) || transientSqlStates.has(code) || code.startsWith('08'))) return true;
  if (transientErrorNames.has(error.name) || details.retriable === true) return true;
  if (transientMessages.some((pattern) => pattern.test(error.message))) return true;
  return isTransientError(details.driverError, depth + 1) || isTransientError(error.cause, depth + 1);
}
