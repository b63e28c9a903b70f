import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatTranscriptEntry, ChatTranscriptRecordedV1 } from '@helpgate/contracts';

/** A conversation with people (agents), kept on the profile of the contact the visitor was. */
@Entity('chat_transcripts')
export class ChatTranscriptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'contact_id' })
  contactId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @Column('text')
  outcome!: ChatTranscriptRecordedV1['outcome'];

  @Column('jsonb')
  agents!: ChatTranscriptRecordedV1['agents'];

  @Column('jsonb', { nullable: true })
  rating!: NonNullable<ChatTranscriptRecordedV1['rating']> | null;

  @Column('text', { nullable: true })
  language!: string | null;

  /** The messages in sequence order, the AI agent's among them, with the files sent. */
  @Column('jsonb')
  entries!: ChatTranscriptEntry[];

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'ended_at' })
  endedAt!: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
