import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredFile } from '@helpgate/platform';
import type { MessageVisibility } from './ticket-message.entity';
import { UploadedAttachmentEntity } from './uploaded-attachment.entity';

@Injectable()
export class UploadedAttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the content once; the same file given again is already there. */
  async store(sha256: string, content: Buffer, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(UploadedAttachmentEntity)
      .values({ sha256, content, sizeBytes: content.length })
      .orIgnore()
      .execute();
  }

  /** A file given with a message of the ticket (a public one, when asked), with the name and type it was given under there. */
  async findOnTicket(ticketId: string, sha256: string, visibility?: MessageVisibility): Promise<StoredFile | null> {
    const rows: { content: Buffer; filename: string; content_type: string }[] = await this.dataSource.query(
      `SELECT upload.content, attachment->>'filename' AS filename, attachment->>'contentType' AS content_type
         FROM ticket_messages message
        CROSS JOIN jsonb_array_elements(message.attachments) attachment
         JOIN uploaded_attachments upload ON upload.sha256 = attachment->>'id'
        WHERE message.ticket_id = $1 AND attachment->>'id' = $2 AND attachment->>'storage' = 'tickets'
          AND ($3::text IS NULL OR message.visibility = $3)
        LIMIT 1`,
      [ticketId, sha256, visibility ?? null],
    );
    return rows[0] ? { content: rows[0].content, filename: rows[0].filename, contentType: rows[0].content_type } : null;
  }
}
