import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FailureRecord } from './throttle-policy';

export interface StoredFailures extends FailureRecord {
  key: string;
  alertedAt: Date | null;
}

interface FailureRow {
  key: string;
  failures: number;
  last_failure_at: Date;
  alerted_at: Date | null;
}

/** Failed sign-ins by key, shared by every identity instance through the database; each query runs in the caller's transaction. */
@Injectable()
export class SignInThrottleRepository {
  /** The records of the keys, made when missing and locked in key order, so two attempts never wait on each other crosswise. */
  async lock(keys: string[], manager: EntityManager): Promise<Map<string, StoredFailures>> {
    await manager.query(
      `INSERT INTO sign_in_failures (key, failures, last_failure_at)
       SELECT key, 0, now() FROM unnest($1::text[]) AS key ORDER BY key ON CONFLICT (key) DO NOTHING`,
      [keys],
    );
    const rows: FailureRow[] = await manager.query('SELECT * FROM sign_in_failures WHERE key = ANY($1) ORDER BY key FOR UPDATE', [keys]);
    return new Map(rows.map((row) => [row.key, { key: row.key, failures: row.failures, lastFailureAt: row.last_failure_at, alertedAt: row.alerted_at }]));
  }

  async save(key: string, record: FailureRecord, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE sign_in_failures SET failures = $2, last_failure_at = $3 WHERE key = $1', [key, record.failures, record.lastFailureAt]);
  }

  /** Takes back one failure counted in advance for an attempt that succeeded. */
  async refund(key: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE sign_in_failures SET failures = greatest(failures - 1, 0) WHERE key = $1', [key]);
  }

  async forget(key: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
  }

  async markAlerted(key: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE sign_in_failures SET alerted_at = now() WHERE key = $1', [key]);
  }

  async rememberAddress(accountKey: string, addressKey: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO sign_in_known_addresses (account_key, address_key, last_signed_in_at) VALUES ($1, $2, now())
       ON CONFLICT (account_key, address_key) DO UPDATE SET last_signed_in_at = now()`,
      [accountKey, addressKey],
    );
  }

  /**
   * Deletes up to `limit` failure records whose last failure is before `failedBefore` (they count nothing any more) and
   * up to `limit` known addresses last signed in from before `knownBefore`; returns how many rows went. Rows another
   * instance is using are skipped (`SKIP LOCKED`).
   */
  async purgeExpired({ failedBefore, knownBefore }: { failedBefore: Date; knownBefore: Date }, limit: number, manager: EntityManager): Promise<number> {
    const [, failures]: [unknown, number] = await manager.query(
      `DELETE FROM sign_in_failures WHERE key IN (
         SELECT key FROM sign_in_failures WHERE last_failure_at < $1 AND coalesce(alerted_at, last_failure_at) < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [failedBefore, limit],
    );
    const [, addresses]: [unknown, number] = await manager.query(
      `DELETE FROM sign_in_known_addresses WHERE (account_key, address_key) IN (
         SELECT account_key, address_key FROM sign_in_known_addresses WHERE last_signed_in_at < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [knownBefore, limit],
    );
    return failures + addresses;
  }

  async isKnownAddress(accountKey: string, addressKey: string, since: Date, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM sign_in_known_addresses WHERE account_key = $1 AND address_key = $2 AND last_signed_in_at >= $3',
      [accountKey, addressKey, since],
    );
    return rows.length > 0;
  }
}
