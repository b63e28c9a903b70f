import { EntityManager } from 'typeorm';

const lookups = new WeakMap<EntityManager, Map<string, Promise<unknown>>>();

/**
 * Looks a value up once per transaction (what many steps of one transaction read and none of them change, such as
 * settings): a batch of events handled in one transaction reads it once. Outside a transaction, every call looks up.
 * The value lives as long as the transaction's manager, so a transaction rolled back and retried looks up afresh.
 */
export async function oncePerTransaction<T>(manager: EntityManager, key: string, lookUp: () => Promise<T>): Promise<T> {
  if (!manager.queryRunner?.isTransactionActive) return lookUp();
  let known = lookups.get(manager);
  if (!known) lookups.set(manager, (known = new Map<string, Promise<unknown>>()));
  const cached = known.get(key) as Promise<T> | undefined;
  if (cached) return cached;
  const looked = lookUp();
  known.set(key, looked);
  looked.catch(() => known.delete(key));
  return looked;
}
