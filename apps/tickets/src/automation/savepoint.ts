import { isTransientError } from '@helpgate/kafka';
import type { TicketWork } from '../tickets/ticket-work';

export type Attempt = { failed: false } | { failed: true; error: unknown };

/**
 * Runs work inside the caller's transaction so that an error undoes only the work's own statements (a savepoint): the
 * transaction stays usable and the change that came before still commits; the history entries and events it held are
 * dropped with them. An outage (database or broker) is rethrown instead, so the whole change is retried rather than
 * committed without the work.
 */
export async function undoneOnError(ticketWork: TicketWork, work: () => Promise<void>): Promise<Attempt> {
  const { manager } = ticketWork;
  const held = ticketWork.mark();
  // Postgres keeps same-named savepoints stacked and always acts on the newest, so nested attempts may share the name.
  await manager.query('SAVEPOINT automation');
  try {
    await work();
  } catch (error) {
    if (isTransientError(error)) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT automation');
    await manager.query('RELEASE SAVEPOINT automation');
    ticketWork.undoTo(held);
    return { failed: true, error };
  }
  await manager.query('RELEASE SAVEPOINT automation');
  return { failed: false };
}
