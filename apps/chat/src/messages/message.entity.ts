import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChatTranscriptEntry } from '@helpgate/contracts';

export type AuthorKind = ChatTranscriptEntry['author'];

/** One message, numbered in its conversation; its client id makes a message sent twice one message. */
@Entity('chat_messages')
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Column('integer')
  sequence!: number;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ name: 'author_kind', type: 'text' })
  authorKind!: AuthorKind;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  /** As the author sent it: clients render it as text. */
  @Column('text')
  text!: string;

  @Column({ name: 'file_ids', type: 'uuid', array: true })
  fileIds!: string[];

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
