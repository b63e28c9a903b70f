import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InboundMessageEntity } from './inbound-message.entity';

/** A receipt as the SMTP session writes it: sender and Message-ID come later, once the message is read. */
export type AcceptedReceipt = Omit<InboundMessageEntity, 'rawSha256' | 'sender' | 'messageId'>;

export interface StoredAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface AcceptedInboundMessage {
  raw: { sha256: string; content: Buffer };
  receipt: AcceptedReceipt;
}

@Injectable()
export class InboundMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Messages from the sender received after `since`, counted up to `atMost`: the flood check only needs to
   * know whether the limit is reached, and a flooding sender must not make each of its messages cost a
   * scan of everything it sent.
   */
  async countRecentFromSender(sender: string, since: Date, atMost: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (
         SELECT 1 FROM inbound_messages WHERE sender = $1 AND received_at > $2 LIMIT $3
       ) AS recent`,
      [sender, since, atMost],
    );
    return count;
  }

  /**
   * Stores the raw messages (once per content) and the receipts of several messages in one statement, inside
   * one transaction, then runs `finish` (the publish) inside it: if anything fails nothing of any of them is
   * kept, and every sender is asked to retry. A receipt stored before (the same message sent again) is kept as
   * it is. `finish` learns the id of the transaction, which readers use to tell "not committed yet" from "never".
   */
  async storeBatchThen(messages: readonly AcceptedInboundMessage[], finish: (storedInTransaction: string) => Promise<void>): Promise<void> {
    const raws = distinctBy(messages, (message) => message.raw.sha256);
    const receipts = distinctBy(messages, (message) => message.receipt.id);
    await this.dataSource.transaction(async (manager) => {
      // One round trip: Postgres checks the receipts' reference to their raw message at the end of the statement.
      const [{ transaction }]: { transaction: string }[] = await manager.query(
        `WITH raw AS (
           INSERT INTO raw_messages (sha256, size_bytes, content, first_received_at) VALUES ${valuesList(raws.length, 4)}
           ON CONFLICT DO NOTHING
         ), receipt AS (
           INSERT INTO inbound_messages (id, raw_sha256, envelope_from, envelope_to, remote_address, helo_name, received_at)
           VALUES ${valuesList(receipts.length, 7, raws.length * 4)}
           ON CONFLICT DO NOTHING
         )
         SELECT txid_current()::text AS transaction`,
        [
          ...raws.flatMap(({ raw, receipt }) => [raw.sha256, raw.content.length, raw.content, receipt.receivedAt]),
          ...receipts.flatMap(({ raw, receipt }) => [
            receipt.id,
            raw.sha256,
            receipt.envelopeFrom,
            receipt.envelopeTo,
            receipt.remoteAddress,
            receipt.heloName,
            receipt.receivedAt,
          ]),
        ],
      );
      await finish(transaction);
    });
  }

  /** The stored raw message of a receipt, or null when no committed receipt has this id. */
  async findRawOf(inboundMessageId: string): Promise<Buffer | null> {
    const rows: { content: Buffer }[] = await this.dataSource.query(
      'SELECT r.content FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256 WHERE i.id = $1',
      [inboundMessageId],
    );
    return rows[0]?.content ?? null;
  }

  /** Whether a transaction committed, aborted or still runs; unknown when Postgres no longer knows it. */
  async transactionStatus(transaction: string): Promise<'committed' | 'aborted' | 'in progress' | 'unknown'> {
    const [{ status }]: { status: 'committed' | 'aborted' | 'in progress' | null }[] = await this.dataSource.query(
      'SELECT txid_status($1::bigint) AS status',
      [transaction],
    );
    return status ?? 'unknown';
  }

  /** What reading the message found out about it: its sender and Message-ID on the receipt, and its attachments. */
  async recordReading(
    manager: EntityManager,
    inboundMessageId: string,
    reading: { sender: string; messageId: string; attachments: readonly StoredAttachment[] },
  ): Promise<void> {
    await manager.query('UPDATE inbound_messages SET sender = $2, message_id = $3 WHERE id = $1', [
      inboundMessageId,
      reading.sender,
      reading.messageId,
    ]);
    await this.storeAttachments(manager, inboundMessageId, reading.attachments);
  }

  private async storeAttachments(
    manager: EntityManager,
    inboundMessageId: string,
    attachments: readonly StoredAttachment[],
  ): Promise<void> {
    if (attachments.length === 0) return;
    const contents = distinctBy(attachments, (attachment) => attachment.sha256);
    await manager.query(
      `INSERT INTO attachments (sha256, filename, content_type, content, size_bytes) VALUES ${valuesList(contents.length, 5)}
       ON CONFLICT DO NOTHING`,
      contents.flatMap(({ sha256, filename, contentType, content }) => [sha256, filename, contentType, content, content.length]),
    );
    await manager.query(
      `INSERT INTO inbound_message_attachments (inbound_message_id, attachment_sha256, position, filename)
       SELECT $1, sha256, position, filename FROM unnest($2::text[], $3::int[], $4::text[]) AS a(sha256, position, filename)
       ON CONFLICT DO NOTHING`,
      [inboundMessageId, attachments.map((a) => a.sha256), attachments.map((_a, index) => index), attachments.map((a) => a.filename)],
    );
  }
}

/**
 * `($1, $2), ($3, $4)` for rows of columns, numbering after `offset` parameters: contents go as parameters of
 * their own, sent binary, rather than hex-encoded in an array.
 */
function valuesList(rows: number, columns: number, offset = 0): string {
  return Array.from(
    { length: rows },
    (_row, row) => `(${Array.from({ length: columns }, (_column, column) => `$${offset + row * columns + column + 1}`).join(', ')})`,
  ).join(', ');
}

function distinctBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}
