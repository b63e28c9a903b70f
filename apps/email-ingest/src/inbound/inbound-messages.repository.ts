import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';
import { InboundMessageEntity } from './inbound-message.entity';
import { RawMessageEntity } from './raw-message.entity';

export type NewInboundMessage = Omit<InboundMessageEntity, 'rawSha256'>;

export interface StoredAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  content: Buffer;
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
   * Stores the raw message (once per content), the receipt and the attachments, then runs `finish`
   * (publish, or hold in quarantine) inside the same transaction: if it fails nothing is kept, and the
   * sender is asked to retry. A receipt stored before (the same message sent again) is kept as it is.
   */
  async storeThen(
    raw: { sha256: string; content: Buffer },
    receipt: NewInboundMessage,
    attachments: readonly StoredAttachment[],
    finish: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RawMessageEntity)
        .values({ sha256: raw.sha256, sizeBytes: raw.content.length, content: raw.content, firstReceivedAt: receipt.receivedAt })
        .orIgnore()
        .execute();
      const stored = await manager
        .createQueryBuilder()
        .insert()
        .into(InboundMessageEntity)
        .values({ ...receipt, rawSha256: raw.sha256 })
        .orIgnore()
        .returning('id')
        .execute();
      const isNewReceipt = (stored.raw as unknown[]).length > 0;
      if (isNewReceipt && attachments.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AttachmentEntity)
          .values(
            attachments.map(({ sha256, filename, contentType, content }) => ({
              sha256,
              filename,
              contentType,
              content,
              sizeBytes: content.length,
            })),
          )
          .orIgnore()
          .execute();
        await manager.query(
          `INSERT INTO inbound_message_attachments (inbound_message_id, attachment_sha256, position, filename)
           SELECT $1, sha256, position, filename FROM unnest($2::text[], $3::int[], $4::text[]) AS a(sha256, position, filename)`,
          [receipt.id, attachments.map((a) => a.sha256), attachments.map((_a, index) => index), attachments.map((a) => a.filename)],
        );
      }
      await finish(manager);
    });
  }
}
