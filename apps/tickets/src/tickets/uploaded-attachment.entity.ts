import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The content of a file given through the API, stored once by sha256; names and types are on the messages. */
@Entity('uploaded_attachments')
export class UploadedAttachmentEntity {
  @PrimaryColumn('text')
  sha256!: string;

  @Column('bytea')
  content!: Buffer;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
