import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
   * Stores the raw message (once per content) and the receipt, then runs `publish` inside the same
   * transaction: if publishing fails nothing is kept, and the sender is asked to retry.
   */
  async storeThenPublish(
    raw: { sha256: string; content: Buffer },
    receipt: NewInboundMessage,
    attachments: readonly StoredAttachment[],
    publish: () => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RawMessageEntity)
        .values({ sha256: raw.sha256, sizeBytes: raw.content.length, content: raw.content, firstReceivedAt: receipt.receivedAt })
        .orIgnore()
        .execute();
      await manager.getRepository(InboundMessageEntity).insert({ ...receipt, rawSha256: raw.sha256 });
      if (attachments.length > 0) {
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
      await publish();
    });
  }
}
