import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Attachment content, stored once however many messages carry it. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn('text')
  sha256!: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes!: number;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('text')
  filename!: string;

  @Column('bytea')
  content!: Buffer;
}
