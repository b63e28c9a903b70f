import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import type { DuplicateReason } from './duplicate-reason';

export interface CandidatePairRow {
  firstId: string;
  secondId: string;
  reasons: DuplicateReason[];
}

export interface CandidateRow {
  contactId: string;
  reasons: DuplicateReason[];
}

/** Contacts still in use: neither merged away nor anonymized. */
const live = (contact: string) => `${contact}.merged_into_id IS NULL AND ${contact}.anonymized_at IS NULL`;

/** Reasons are listed in this order, then by their content. */
const reasonOrder = `array_position(ARRAY['same_phone', 'similar_address', 'same_name_in_organization'], reason->>'kind'), reason`;

/**
 * Stores the pairs of the contacts `$1` (uuid[]) with every live contact they look like, not dismissed, with all
 * their reasons: a shared phone (direct on at least one side), addresses with one mailbox key (the lower id's address
 * first), the same name in an organization both belong to other than "Unassigned". A pair both sides of which are
 * given is stored once.
 *
 * Every lookup is a lateral subquery by key (`OFFSET 0` keeps the planner from folding it into a join), so each is an
 * index lookup for one given contact (`contact_phones_number`, `contact_emails_mailbox_key`, `contacts_name_key`, the
 * primary keys) and the cost follows the contacts given, not those stored. Written as plain joins, the plan was turned
 * around while the statistics of a fast-growing contacts table were behind: every contact scanned per given contact.
 * The same name is looked for only in the organizations (other than "Unassigned") the given contact belongs to: a new
 * sender of an unregistered domain then costs no name lookup at all. Looked for first, the contacts of a common name
 * were each visited for every given contact that had it, to find no shared organization (measured: 50 new "Bench
 * Sender" contacts among 2,000 of that name took 346 ms, under the lock every contact change takes).
 */
export const insertPairsOfContactsSql = `
  WITH given AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
  reasons AS (
    SELECT mine.contact_id, other.contact_id AS other_id, jsonb_build_object('kind', 'same_phone', 'number', mine.number) AS reason
      FROM given
      CROSS JOIN LATERAL (SELECT contact_id, number, kind FROM contact_phones WHERE contact_id = given.id OFFSET 0) mine
      CROSS JOIN LATERAL (
        SELECT contact_id, kind FROM contact_phones WHERE number = mine.number AND contact_id <> mine.contact_id OFFSET 0
      ) other
     WHERE mine.kind = 'direct' OR other.kind = 'direct'
    UNION ALL
    SELECT mine.contact_id, other.contact_id,
           jsonb_build_object('kind', 'similar_address', 'addresses',
             CASE WHEN mine.contact_id < other.contact_id THEN jsonb_build_array(mine.email, other.email)
                  ELSE jsonb_build_array(other.email, mine.email) END)
      FROM given
      CROSS JOIN LATERAL (SELECT contact_id, email, mailbox_key FROM contact_emails WHERE contact_id = given.id OFFSET 0) mine
      CROSS JOIN LATERAL (
        SELECT contact_id, email FROM contact_emails WHERE mailbox_key = mine.mailbox_key AND contact_id <> mine.contact_id OFFSET 0
      ) other
    UNION ALL
    SELECT mine.id, other.id, jsonb_build_object('kind', 'same_name_in_organization', 'organizationId', shared.organization_id)
      FROM given
      CROSS JOIN LATERAL (SELECT id, name FROM contacts WHERE id = given.id OFFSET 0) mine
      CROSS JOIN LATERAL (
        SELECT membership.organization_id
          FROM contact_organizations membership
          JOIN organizations organization ON organization.id = membership.organization_id AND NOT organization.is_default
         WHERE membership.contact_id = mine.id OFFSET 0
      ) shared
      CROSS JOIN LATERAL (
        SELECT other.id FROM contacts other WHERE lower(other.name) = lower(mine.name) AND other.id <> mine.id AND ${live('other')} OFFSET 0
      ) other
      CROSS JOIN LATERAL (
        SELECT 1 FROM contact_organizations WHERE contact_id = other.id AND organization_id = shared.organization_id OFFSET 0
      ) other_membership
  ),
  distinct_reasons AS (
    SELECT DISTINCT least(contact_id, other_id) AS first_id, greatest(contact_id, other_id) AS second_id, reason FROM reasons
  )
  INSERT INTO duplicate_pairs (first_contact_id, second_contact_id, reasons, newest_created_at)
  SELECT pair.first_id, pair.second_id, jsonb_agg(pair.reason ORDER BY ${reasonOrder}), greatest(first.created_at, second.created_at)
    FROM distinct_reasons pair
    CROSS JOIN LATERAL (SELECT created_at, merged_into_id, anonymized_at FROM contacts WHERE id = pair.first_id OFFSET 0) first
    CROSS JOIN LATERAL (SELECT created_at, merged_into_id, anonymized_at FROM contacts WHERE id = pair.second_id OFFSET 0) second
   WHERE ${live('first')} AND ${live('second')}
     AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals dismissal
                      WHERE dismissal.first_contact_id = pair.first_id AND dismissal.second_contact_id = pair.second_id)
   GROUP BY pair.first_id, pair.second_id, first.created_at, second.created_at
  ON CONFLICT DO NOTHING`;

/**
 * The reasons of a pair as answered: an organization named as it is called now, and addresses with `$viewer`'s first
 * when the pair is read from its second contact's side.
 */
const shownReasons = (viewer: string) => `
  (SELECT jsonb_agg(
            CASE WHEN reason->>'kind' = 'same_name_in_organization'
                   THEN reason || jsonb_build_object('organizationName', organization.name)
                 WHEN reason->>'kind' = 'similar_address' AND pair.second_contact_id = ${viewer}
                   THEN jsonb_set(reason, '{addresses}', jsonb_build_array(reason->'addresses'->1, reason->'addresses'->0))
                 ELSE reason END
            ORDER BY position)
     FROM jsonb_array_elements(pair.reasons) WITH ORDINALITY AS stored (reason, position)
     LEFT JOIN organizations organization ON organization.id = (reason->>'organizationId')::uuid)`;

/**
 * Taken before pairs are rewritten and held to the end of the transaction. Under Read Committed a transaction does
 * not see another's uncommitted contacts, so two contacts created at once that look alike would each miss the other;
 * taken last in every transaction that changes contacts, the lock makes each rewrite see the contacts of the rewrites
 * before it, committed by then.
 */
const pairsLock = "SELECT pg_advisory_xact_lock(hashtext('duplicate_pairs'))";

/**
 * Likely duplicates, stored as pairs (the lower id first) and kept up to date by every change to contacts, so a page of
 * them is one indexed read. Only the pairs agents dismissed are never stored.
 */
@Injectable()
export class DuplicatePairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rewrites the pairs of contacts whose names, addresses, phones, memberships or state changed in the caller's
   * transaction: call it last in that transaction, after every change (see `pairsLock`). `created`: the contacts were
   * created in that transaction, so there are no pairs of theirs to forget (one statement less under the lock).
   */
  async refresh(contactIds: readonly string[], manager: EntityManager, { created = false } = {}): Promise<void> {
    if (contactIds.length === 0) return;
    // The planner's guesses for the lateral lookups are far above what they find, enough to make it compile the
    // statement (JIT), which took ten times as long as running it: measured 150 ms against 10 ms at 11,000 contacts.
    // JIT is turned off for the rest of the transaction by the statement that takes the lock, one round trip for both.
    await manager.query(`${pairsLock}, set_config('jit', 'off', true)`);
    if (!created) {
      await manager.query('DELETE FROM duplicate_pairs WHERE first_contact_id = ANY($1) OR second_contact_id = ANY($1)', [contactIds]);
    }
    await manager.query(insertPairsOfContactsSql, [contactIds]);
  }

  /** One page of the pairs, the pairs with the newest contact first. */
  async pairs({ limit, offset }: Page): Promise<[CandidatePairRow[], number]> {
    const page: Promise<{ first_id: string; second_id: string; reasons: DuplicateReason[] }[]> = this.dataSource.query(
      // The page is picked first, so the reasons are shown for its pairs alone, not for every pair the offset skips.
      `SELECT pair.first_contact_id AS first_id, pair.second_contact_id AS second_id, ${shownReasons('NULL')} AS reasons
         FROM (SELECT * FROM duplicate_pairs
                ORDER BY newest_created_at DESC, first_contact_id, second_contact_id LIMIT $1 OFFSET $2) AS pair
        ORDER BY pair.newest_created_at DESC, pair.first_contact_id, pair.second_contact_id`,
      [limit, offset],
    );
    const count: Promise<{ total: number }[]> = this.dataSource.query('SELECT count(*)::int AS total FROM duplicate_pairs');
    const [rows, [counted]] = await Promise.all([page, count]);
    return [rows.map((row) => ({ firstId: row.first_id, secondId: row.second_id, reasons: row.reasons })), counted!.total];
  }

  /** One page of the contacts that look like `contactId`, the newest first. */
  async candidatesOf(contactId: string, { limit, offset }: Page): Promise<[CandidateRow[], number]> {
    const rows: { total: number; other_id: string | null; reasons: DuplicateReason[] | null }[] = await this.dataSource.query(
      `WITH candidates AS (
         SELECT other.id AS other_id, other.created_at, ${shownReasons('$1')} AS reasons
           FROM duplicate_pairs pair
           JOIN contacts other ON other.id = CASE WHEN pair.first_contact_id = $1 THEN pair.second_contact_id ELSE pair.first_contact_id END
          WHERE pair.first_contact_id = $1 OR pair.second_contact_id = $1
       )
       SELECT (SELECT count(*) FROM candidates)::int AS total, page.other_id, page.reasons
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT * FROM candidates ORDER BY created_at DESC, other_id LIMIT $2 OFFSET $3) AS page ON true`,
      [contactId, limit, offset],
    );
    const candidates = rows.filter((row) => row.other_id !== null).map((row) => ({ contactId: row.other_id!, reasons: row.reasons! }));
    return [candidates, rows[0]?.total ?? 0];
  }

  /**
   * Records that two contacts (the lower id first) are not one person and forgets their pair; dismissing a pair again
   * keeps the first record.
   */
  async dismiss(firstId: string, secondId: string, dismissedBy: string): Promise<{ dismissedBy: string; dismissedAt: Date }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO duplicate_dismissals (first_contact_id, second_contact_id, dismissed_by) VALUES ($1, $2, $3)
          ON CONFLICT DO NOTHING`,
        [firstId, secondId, dismissedBy],
      );
      await manager.query(pairsLock);
      await manager.query('DELETE FROM duplicate_pairs WHERE first_contact_id = $1 AND second_contact_id = $2', [firstId, secondId]);
      const [dismissal]: { dismissed_by: string; dismissed_at: Date }[] = await manager.query(
        'SELECT dismissed_by, dismissed_at FROM duplicate_dismissals WHERE first_contact_id = $1 AND second_contact_id = $2',
        [firstId, secondId],
      );
      return { dismissedBy: dismissal!.dismissed_by, dismissedAt: dismissal!.dismissed_at };
    });
  }
}
