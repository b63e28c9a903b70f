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

export type TransactionStatus = 'committed' | 'aborted' | 'in progress' | 'unknown';

export interface MessageReading {
  inboundMessageId: string;
  sender: string;
  messageId: string;
  attachments: readonly StoredAttachment[];
}

const attachmentsPerStatement = 1000;

export interface AcceptedInboundMessage {
  raw: { sha256: string; content: Buffer };
  receipt: AcceptedReceipt;
}

@Injectable()
export class InboundMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Messages from each sender received after `since` and already read, each counted up to `atMost`: the flood
   * check only needs to know whether the limit is reached, and a flooding sender must not make each of its
   * messages cost a scan of everything it sent.
   */
  async countRecentFromSenders(senders: readonly string[], since: Date, atMost: number): Promise<Map<string, number>> {
    if (senders.length === 0) return new Map();
    const rows: { sender: string; count: number }[] = await this.dataSource.query(
      `SELECT s.sender, (
         SELECT count(*)::int FROM (SELECT 1 FROM inbound_messages WHERE sender = s.sender AND received_at > $2 LIMIT $3) AS recent
       ) AS count
       FROM unnest($1::text[]) AS s(sender)`,
      [senders, since, atMost],
    );
    return new Map(rows.map((row) => [row.sender, row.count]));
  }

  /**
   * Which of these Message-IDs belong to mail email-ingest received or sent: machine mail pointing at one may
   * answer a ticket, so it flows on.
   */
  async knownMessageIds(messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows: { message_id: string }[] = await this.dataSource.query(
      `SELECT message_id FROM inbound_messages WHERE message_id = ANY($1)
       UNION SELECT message_id FROM outbound_deliveries WHERE message_id = ANY($1)`,
      [messageIds],
    );
    return new Set(rows.map((row) => row.message_id));
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

  /** The stored raw messages of the receipts with these ids that are committed, by receipt id. */
  async findRawsOf(inboundMessageIds: readonly string[]): Promise<Map<string, Buffer>> {
    const rows: { id: string; content: Buffer }[] = await this.dataSource.query(
      'SELECT i.id, r.content FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256 WHERE i.id = ANY($1::uuid[])',
      [inboundMessageIds],
    );
    return new Map(rows.map((row) => [row.id, row.content]));
  }

  /** Whether each transaction committed, aborted or still runs; unknown when Postgres no longer knows it. */
  async transactionStatuses(transactions: readonly string[]): Promise<Map<string, TransactionStatus>> {
    const rows: { transaction: string; status: TransactionStatus | null }[] = await this.dataSource.query(
      'SELECT t AS transaction, txid_status(t::bigint) AS status FROM unnest($1::text[]) AS t',
      [transactions],
    );
    return new Map(rows.map((row) => [row.transaction, row.status ?? 'unknown']));
  }

  /** What reading the messages found out: sender and Message-ID on each receipt, and the attachments, in two or three statements. */
  async recordReadings(manager: EntityManager, readings: readonly MessageReading[]): Promise<void> {
    if (readings.length === 0) return;
    await manager.query(
      `UPDATE inbound_messages SET sender = r.sender, message_id = r.message_id
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, sender, message_id) WHERE inbound_messages.id = r.id`,
      [
        readings.map((reading) => reading.inboundMessageId),
        readings.map((reading) => reading.sender),
        readings.map((reading) => reading.messageId),
      ],
    );
    await this.storeAttachments(manager, readings);
  }

  private async storeAttachments(manager: EntityManager, readings: readonly MessageReading[]): Promise<void> {
    const links = readings.flatMap(({ inboundMessageId, attachments }) =>
      attachments.map((attachment, position) => ({ inboundMessageId, position, attachment })),
    );
    if (links.length === 0) return;
    const contents = distinctBy(
      links.map((link) => link.attachment),
      (attachment) => attachment.sha256,
    );
    // In slices, so that one statement stays within Postgres' 65,535 parameters however many attachments a batch has.
    for (let start = 0; start < contents.length; start += attachmentsPerStatement) {
      const slice = contents.slice(start, start + attachmentsPerStatement);
      await manager.query(
        `INSERT INTO attachments (sha256, filename, content_type, content, size_bytes) VALUES ${valuesList(slice.length, 5)}
         ON CONFLICT DO NOTHING`,
        slice.flatMap(({ sha256, filename, contentType, content }) => [sha256, filename, contentType, content, content.length]),
      );
    }
    await manager.query(
      `INSERT INTO inbound_message_attachments (inbound_message_id, attachment_sha256, position, filename)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[])
       ON CONFLICT DO NOTHING`,
      [
        links.map((link) => link.inboundMessageId),
        links.map((link) => link.attachment.sha256),
        links.map((link) => link.position),
        links.map((link) => link.attachment.filename),
      ],
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
