import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The automatic mails sent to each address, counted against its limit. */
@Injectable()
export class AutomaticRepliesRepository {
  /** How many automatic mails each of the recipients was sent since then (those sent none are left out). */
  async countsSince(recipients: string[], since: Date, manager: EntityManager): Promise<Map<string, number>> {
    const rows: { recipient: string; count: number }[] = await manager.query(
      `SELECT recipient, count(*)::int AS count FROM automatic_replies
        WHERE recipient = ANY($1::text[]) AND sent_at > $2 GROUP BY recipient`,
      [recipients, since],
    );
    return new Map(rows.map((row) => [row.recipient, row.count]));
  }

  /** Counts an automatic mail to each recipient given (one row per mail). */
  async record(recipients: string[], manager: EntityManager): Promise<void> {
    if (recipients.length === 0) return;
    await manager.query('INSERT INTO automatic_replies (recipient) SELECT unnest($1::text[])', [recipients]);
  }
}
