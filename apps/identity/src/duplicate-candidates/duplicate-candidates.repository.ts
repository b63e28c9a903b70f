import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

const sameNameReason = `jsonb_build_object('kind', 'same_name_in_organization', 'organizationId', organization.id, 'organizationName', organization.name)`;

/**
 * Rows (contact_id, other_id, reason) for a shared phone (direct on at least one side) or addresses with one mailbox
 * key, for the pairs `pairCondition` picks (given the columns of the two contact ids). Both joins use an index.
 */
function phoneAndAddressReasonsSql(pairCondition: (mine: string, other: string) => string): string {
  return `
    SELECT mine.contact_id, other.contact_id AS other_id,
           jsonb_build_object('kind', 'same_phone', 'number', mine.number) AS reason
      FROM contact_phones mine JOIN contact_phones other ON other.number = mine.number
     WHERE (mine.kind = 'direct' OR other.kind = 'direct') AND ${pairCondition('mine.contact_id', 'other.contact_id')}
    UNION ALL
    SELECT mine.contact_id, other.contact_id,
           jsonb_build_object('kind', 'similar_address', 'addresses', jsonb_build_array(mine.email, other.email))
      FROM contact_emails mine JOIN contact_emails other ON other.mailbox_key = mine.mailbox_key
     WHERE ${pairCondition('mine.contact_id', 'other.contact_id')}`;
}

/** Every reason of every pair, the lower contact id first: one pass over phones, addresses and memberships. */
const allReasonsSql = `
  named AS (
    SELECT membership.organization_id, membership.contact_id, lower(contact.name) AS name_key
      FROM contact_organizations membership
      JOIN contacts contact ON contact.id = membership.contact_id
      JOIN organizations organization ON organization.id = membership.organization_id
     WHERE NOT organization.is_default AND ${live('contact')}
  ),
  reasons AS (
    ${phoneAndAddressReasonsSql((mine, other) => `${other} > ${mine}`)}
    UNION ALL
    SELECT mine.contact_id, other.contact_id, ${sameNameReason}
      FROM named mine
      JOIN named other ON other.organization_id = mine.organization_id AND other.name_key = mine.name_key
      JOIN organizations organization ON organization.id = mine.organization_id
     WHERE other.contact_id > mine.contact_id
  )`;

/** Every reason the contact `$1` looks like another; the name is looked up through `contacts_name_key`. */
const reasonsOfOneSql = `
  reasons AS (
    ${phoneAndAddressReasonsSql((mine, other) => `${mine} = $1 AND ${other} <> ${mine}`)}
    UNION ALL
    SELECT mine.id, other.id, ${sameNameReason}
      FROM contacts mine
      JOIN contacts other ON lower(other.name) = lower(mine.name) AND other.id <> mine.id AND ${live('other')}
      JOIN contact_organizations mine_membership ON mine_membership.contact_id = mine.id
      JOIN contact_organizations other_membership
        ON other_membership.contact_id = other.id AND other_membership.organization_id = mine_membership.organization_id
      JOIN organizations organization ON organization.id = mine_membership.organization_id AND NOT organization.is_default
     WHERE mine.id = $1
  )`;

/** Likely duplicates, computed when asked from indexed columns; nothing is stored but the pairs agents dismissed. */
@Injectable()
export class DuplicateCandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the pairs of live contacts that look alike and were not dismissed, the pairs with the newest contact first. */
  async pairs({ limit, offset }: Page): Promise<[CandidatePairRow[], number]> {
    const rows: { total: number; first_id: string | null; second_id: string | null; reasons: DuplicateReason[] | null }[] =
      await this.dataSource.query(
        `WITH ${allReasonsSql},
         candidates AS (
           SELECT reasons.contact_id AS first_id, reasons.other_id AS second_id, jsonb_agg(reasons.reason ORDER BY reasons.reason) AS reasons,
                  greatest(min(first.created_at), min(second.created_at)) AS newest
             FROM reasons
             JOIN contacts first ON first.id = reasons.contact_id
             JOIN contacts second ON second.id = reasons.other_id
            WHERE ${live('first')} AND ${live('second')}
              AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals dismissal
                               WHERE dismissal.first_contact_id = reasons.contact_id AND dismissal.second_contact_id = reasons.other_id)
            GROUP BY reasons.contact_id, reasons.other_id
         )
         SELECT (SELECT count(*) FROM candidates)::int AS total, page.first_id, page.second_id, page.reasons
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (
             SELECT * FROM candidates ORDER BY newest DESC, first_id, second_id LIMIT $1 OFFSET $2
           ) AS page ON true`,
        [limit, offset],
      );
    const pairs = rows
      .filter((row) => row.first_id !== null)
      .map((row) => ({ firstId: row.first_id!, secondId: row.second_id!, reasons: row.reasons! }));
    return [pairs, rows[0]?.total ?? 0];
  }

  /** One page of the live contacts that look like `contactId` and were not dismissed with it, the newest first. */
  async candidatesOf(contactId: string, { limit, offset }: Page): Promise<[CandidateRow[], number]> {
    const rows: { total: number; other_id: string | null; reasons: DuplicateReason[] | null }[] = await this.dataSource.query(
      `WITH ${reasonsOfOneSql},
       candidates AS (
         SELECT reasons.other_id, jsonb_agg(reasons.reason ORDER BY reasons.reason) AS reasons, min(other.created_at) AS created_at
           FROM reasons
           JOIN contacts other ON other.id = reasons.other_id
          WHERE ${live('other')}
            AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals dismissal
                             WHERE dismissal.first_contact_id = least($1::uuid, reasons.other_id)
                               AND dismissal.second_contact_id = greatest($1::uuid, reasons.other_id))
          GROUP BY reasons.other_id
       )
       SELECT (SELECT count(*) FROM candidates)::int AS total, page.other_id, page.reasons
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT * FROM candidates ORDER BY created_at DESC, other_id LIMIT $2 OFFSET $3) AS page ON true`,
      [contactId, limit, offset],
    );
    const candidates = rows.filter((row) => row.other_id !== null).map((row) => ({ contactId: row.other_id!, reasons: row.reasons! }));
    return [candidates, rows[0]?.total ?? 0];
  }

  /** Records that two contacts (the lower id first) are not one person; dismissing a pair again keeps the first record. */
  async dismiss(firstId: string, secondId: string, dismissedBy: string): Promise<{ dismissedBy: string; dismissedAt: Date }> {
    await this.dataSource.query(
      `INSERT INTO duplicate_dismissals (first_contact_id, second_contact_id, dismissed_by) VALUES ($1, $2, $3)
        ON CONFLICT DO NOTHING`,
      [firstId, secondId, dismissedBy],
    );
    const [dismissal]: { dismissed_by: string; dismissed_at: Date }[] = await this.dataSource.query(
      'SELECT dismissed_by, dismissed_at FROM duplicate_dismissals WHERE first_contact_id = $1 AND second_contact_id = $2',
      [firstId, secondId],
    );
    return { dismissedBy: dismissal!.dismissed_by, dismissedAt: dismissal!.dismissed_at };
  }
}
