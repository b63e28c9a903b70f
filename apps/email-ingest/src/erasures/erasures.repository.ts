import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** email-ingest's records of a person's mail (receipts, raw messages, attachments, quarantine, deliveries) and their erasure. */
@Injectable()
export class ErasuresRepository {
  /**
   * Serializes the erasure of an address with the reading of mail from it, across instances, until the transaction
   * ends: a mail read concurrently is either seen by the erasure or sees its tombstone. Always in one order.
   */
  async lockAddresses(keys: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('erasure:' || key, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS locked (key, position) ORDER BY position`,
      [[...new Set(keys)].sort()],
    );
  }

  async rememberErased(keys: readonly string[], erasedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO erased_senders (address_sha256, erased_at) SELECT unnest($1::text[]), $2
       ON CONFLICT (address_sha256) DO UPDATE SET erased_at = greatest(erased_senders.erased_at, excluded.erased_at)`,
      [[...new Set(keys)], erasedAt],
    );
  }

  /** When each of the addresses (by key) was erased, for those that were. */
  async erasuresOf(keys: readonly string[], manager: EntityManager): Promise<Map<string, Date>> {
    const rows: { key: string; erasedAt: Date }[] = await manager.query(
      'SELECT address_sha256 AS key, erased_at AS "erasedAt" FROM erased_senders WHERE address_sha256 = ANY($1)',
      [[...new Set(keys)]],
    );
    return new Map(rows.map((row) => [row.key, row.erasedAt]));
  }

  /**
   * The receipts of mail from the addresses (the From or the envelope sender), and of held mail whose event names
   * one of them anywhere (a bounce or an auto-reply about the person). Erasures are rare: scans are acceptable.
   */
  async messagesNaming(addresses: readonly string[], manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM inbound_messages WHERE sender = ANY($1) OR lower(envelope_from) = ANY($1)
       UNION
       SELECT inbound_message_id FROM quarantined_messages
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS erased (address) WHERE position(erased.address IN lower(event::text)) > 0)`,
      [addresses],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Deletes the messages: their quarantine entries, receipts and links to attachments, then the raw messages and
   * attachment contents no other receipt still refers to (content is stored once by sha256, so another person's
   * mail may carry the same file or even the same raw bytes). Returns how many raw messages and attachments went.
   */
  async deleteMessages(inboundMessageIds: readonly string[], manager: EntityManager): Promise<{ raws: number; attachments: number }> {
    if (inboundMessageIds.length === 0) return { raws: 0, attachments: 0 };
    await manager.query('DELETE FROM quarantined_messages WHERE inbound_message_id = ANY($1)', [inboundMessageIds]);
    // TypeORM answers a DELETE … RETURNING with [rows, affected count].
    const [links]: [{ sha256: string }[], number] = await manager.query(
      'DELETE FROM inbound_message_attachments WHERE inbound_message_id = ANY($1) RETURNING attachment_sha256 AS sha256',
      [inboundMessageIds],
    );
    const [receipts]: [{ sha256: string }[], number] = await manager.query(
      'DELETE FROM inbound_messages WHERE id = ANY($1) RETURNING raw_sha256 AS sha256',
      [inboundMessageIds],
    );
    const [, raws]: [unknown[], number] = await manager.query(
      `DELETE FROM raw_messages WHERE sha256 = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM inbound_messages WHERE raw_sha256 = raw_messages.sha256)`,
      [[...new Set(receipts.map((receipt) => receipt.sha256))]],
    );
    const [, attachments]: [unknown[], number] = await manager.query(
      `DELETE FROM attachments WHERE sha256 = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM inbound_message_attachments WHERE attachment_sha256 = attachments.sha256)`,
      [[...new Set(links.map((link) => link.sha256))]],
    );
    return { raws, attachments };
  }

  /** Deletes the deliveries of mail that names one of the addresses (as a recipient or anywhere in the request); returns how many. */
  async deleteDeliveriesNaming(addresses: readonly string[], manager: EntityManager): Promise<number> {
    const [, deleted]: [unknown[], number] = await manager.query(
      `DELETE FROM outbound_deliveries
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS erased (address) WHERE position(erased.address IN lower(request::text)) > 0)`,
      [addresses],
    );
    return deleted;
  }
}
