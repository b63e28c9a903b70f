import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InboundMessageEntity } from './inbound-message.entity';

export type NewInboundMessage = Omit<InboundMessageEntity, 'rawSha256'>;

export interface StoredAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface InboundMessageToStore {
  raw: { sha256: string; content: Buffer };
  receipt: NewInboundMessage;
  attachments: readonly StoredAttachment[];
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
   * Stores the raw messages (once per content), the receipts and the attachments of several messages in one
   * transaction, with one statement per table, then runs `finish` (publish, or hold in quarantine) inside it:
   * if anything fails nothing of any of them is kept, and every sender is asked to retry. A receipt stored
   * before (the same message sent again) is kept as it is; `finish` learns which receipts are new.
   */
  async storeBatchThen(
    messages: readonly InboundMessageToStore[],
    finish: (manager: EntityManager, newReceiptIds: ReadonlySet<string>) => Promise<void>,
  ): Promise<void> {
    const raws = distinctBy(
      messages.map(({ raw, receipt }) => ({ ...raw, receivedAt: receipt.receivedAt })),
      (raw) => raw.sha256,
    );
    const receipts = distinctBy(messages, (message) => message.receipt.id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO raw_messages (sha256, size_bytes, content, first_received_at) VALUES ${valuesList(raws.length, 4)}
         ON CONFLICT DO NOTHING`,
        raws.flatMap(({ sha256, content, receivedAt }) => [sha256, content.length, content, receivedAt]),
      );
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO inbound_messages (id, raw_sha256, message_id, sender, envelope_from, envelope_to, remote_address, received_at)
         VALUES ${valuesList(receipts.length, 8)}
         ON CONFLICT DO NOTHING RETURNING id`,
        receipts.flatMap(({ raw, receipt }) => [
          receipt.id,
          raw.sha256,
          receipt.messageId,
          receipt.sender,
          receipt.envelopeFrom,
          receipt.envelopeTo,
          receipt.remoteAddress,
          receipt.receivedAt,
        ]),
      );
      const newReceiptIds = new Set(inserted.map((row) => row.id));
      await this.storeAttachments(
        manager,
        receipts.filter(({ receipt }) => newReceiptIds.has(receipt.id)),
      );
      await finish(manager, newReceiptIds);
    });
  }

  private async storeAttachments(manager: EntityManager, messages: readonly InboundMessageToStore[]): Promise<void> {
    const links = messages.flatMap(({ receipt, attachments }) =>
      attachments.map((attachment, position) => ({ inboundMessageId: receipt.id, position, attachment })),
    );
    if (links.length === 0) return;
    const contents = distinctBy(
      links.map((link) => link.attachment),
      (attachment) => attachment.sha256,
    );
    await manager.query(
      `INSERT INTO attachments (sha256, filename, content_type, content, size_bytes) VALUES ${valuesList(contents.length, 5)}
       ON CONFLICT DO NOTHING`,
      contents.flatMap(({ sha256, filename, contentType, content }) => [sha256, filename, contentType, content, content.length]),
    );
    await manager.query(
      `INSERT INTO inbound_message_attachments (inbound_message_id, attachment_sha256, position, filename)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[])`,
      [
        links.map((link) => link.inboundMessageId),
        links.map((link) => link.attachment.sha256),
        links.map((link) => link.position),
        links.map((link) => link.attachment.filename),
      ],
    );
  }
}

/** `($1, $2), ($3, $4)` for rows of columns: contents go as parameters of their own, binary, not hex in an array. */
function valuesList(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_row, row) => `(${Array.from({ length: columns }, (_column, column) => `$${row * columns + column + 1}`).join(', ')})`,
  ).join(', ');
}

function distinctBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}
