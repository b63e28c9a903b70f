import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketFieldChange, ticketChangeKinds } from '@helpgate/contracts';
import type { MessageAuthorKind, MessageDirection, MessageVisibility } from './ticket-message.entity';

/**
 * The changes of a ticket, and what automation rules could not do: `rule_action_skipped` (an action that cannot apply,
 * such as a status move the transitions forbid), `rule_failed` (a rule whose work was undone by an error) and
 * `callback_requested` (the customer asked for a phone call on the ticket form).
 */
export type TicketAuditAction = (typeof ticketChangeKinds)[number] | 'rule_action_skipped' | 'rule_failed' | 'callback_requested';

/** One entry of a ticket's history: who did what, when. */
@Entity('ticket_audit')
export class TicketAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text')
  action!: TicketAuditAction;

  @Column('text', { name: 'actor_type' })
  actorType!: 'agent' | 'contact' | 'rule' | 'system';

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** For `updated`, each changed field; for `created`, the values the ticket started with. */
  @Column('jsonb')
  changes!: TicketFieldChange[];

  /** For `message_added`: which message, and what kind (its text stays on the message). */
  @Column('jsonb', { nullable: true })
  message!: { id: string; visibility: MessageVisibility; direction: MessageDirection; authorKind: MessageAuthorKind } | null;

  /** Why a rule's action was skipped or how a rule failed; no personal data. */
  @Column('text', { nullable: true })
  note!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
