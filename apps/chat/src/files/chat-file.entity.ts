import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file sent in a conversation; its bytes are stored once by sha256 in `chat_file_contents`. */
@Entity('chat_files')
export class ChatFileEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Column('text')
  sha256!: string;

  @Column('text')
  filename!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
