import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AiHandoverReason } from '../ai-agent/ai-agent';
import type { ConversationOutcome, ConversationState } from './conversation-state';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'visitor_id', type: 'uuid' })
  visitorId!: string;

  @Column('text')
  state!: ConversationState;

  /** Why it last entered the human queue (`no_ai_agent`, `visitor_request`, `transfer`, `agent_disconnected`, …). */
  @Column({ name: 'queue_reason', type: 'text', nullable: true })
  queueReason!: string | null;

  /** Why it is to become a ticket once the visitor gives an email (`awaiting_email`). */
  @Column({ name: 'pending_escalation', type: 'text', nullable: true })
  pendingEscalation!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** The ended conversation a message after its end started this one from. */
  @Column({ name: 'previous_conversation_id', type: 'uuid', nullable: true })
  previousConversationId!: string | null;

  @Column({ name: 'assigned_agent_id', type: 'uuid', nullable: true })
  assignedAgentId!: string | null;

  /** The sequence number of its newest message (0 before the first). */
  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt!: Date | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  /** Set once a person took the conversation: its transcript then goes on the contact's profile. */
  @Column({ name: 'first_assigned_at', type: 'timestamptz', nullable: true })
  firstAssignedAt!: Date | null;

  @Column({ name: 'first_human_reply_at', type: 'timestamptz', nullable: true })
  firstHumanReplyAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: ConversationOutcome | null;

  /** The AI agent's answers below the confidence threshold in a row (reset by a confident one). */
  @Column({ name: 'ai_low_confidence_streak', type: 'integer', default: 0 })
  aiLowConfidenceStreak!: number;

  /** Why the AI agent handed the conversation to the people, when it did. */
  @Column({ name: 'ai_handover_reason', type: 'text', nullable: true })
  aiHandoverReason!: AiHandoverReason | null;
}
