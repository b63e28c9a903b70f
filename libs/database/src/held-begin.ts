/**
 * What the client does with a query when transactions open lazily: `START TRANSACTION` is held back and sent with
 * the transaction's first statement, in the same write and the same extended-protocol Sync, so that opening a
 * transaction costs no round trip of its own.
 *
 * - `hold-begin`: the transaction opens; nothing is sent yet.
 * - `skip`: the transaction ends before any statement ran in it, so there is nothing to commit or roll back.
 * - `send-with-begin`: BEGIN and the statement go together. Only a parameterized statement, which goes over the
 *   extended protocol anyway: should BEGIN fail, Postgres skips the statement up to the Sync, so it can never run
 *   outside the transaction.
 * - `send-after-begin`: BEGIN is sent as a query of its own first (text without parameters may hold several
 *   statements, which the extended protocol refuses; a query object of its own kind, such as a cursor, sends
 *   itself).
 * - `send`: as it is.
 */
export type HeldBeginStep = 'hold-begin' | 'skip' | 'send-with-begin' | 'send-after-begin' | 'send';

export interface QueryShape {
  /** The query's text, when it is given as text. */
  text?: string;
  parameterized: boolean;
  /** A query object that writes its own messages (pg's Submittable). */
  submittable: boolean;
}

const opening = new Set(['START TRANSACTION', 'BEGIN']);
const ending = new Set(['COMMIT', 'ROLLBACK']);

export function heldBeginStep(query: QueryShape, beginHeld: boolean): HeldBeginStep {
  const command = query.submittable || query.parameterized ? undefined : query.text?.trim().toUpperCase();
  if (!beginHeld) return command !== undefined && opening.has(command) ? 'hold-begin' : 'send';
  if (command !== undefined && ending.has(command)) return 'skip';
  return query.parameterized && !query.submittable ? 'send-with-begin' : 'send-after-begin';
}
