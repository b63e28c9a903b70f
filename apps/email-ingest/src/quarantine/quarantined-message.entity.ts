import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EmailInboundAcceptedV1, EmailInboundReceivedV2 } from '@helpgate/contracts';
import type { QuarantineReason } from './quarantine-policy';

export type QuarantineStatus = 'held' | 'released' | 'deleted';

/** An accepted message held back from the normal flow, with the event it would have published. */
@Entity('quarantined_messages')
export class QuarantinedMessageEntity {
  @PrimaryColumn('uuid', { name: 'inbound_message_id' })
  inboundMessageId!: string;

  @Column('text')
  reason!: QuarantineReason;

  /** For machine mail: the rule that recognised it. */
  @Column('text', { nullable: true })
  rule!: string | null;

  @Column('text')
  status!: QuarantineStatus;

  /** For a message that could not be read: what was wrong with it. */
  @Column('text', { nullable: true })
  detail!: string | null;

  @Column('jsonb')
  event!: EmailInboundReceivedV2;

  /** For a message whose processing failed (reason processing-failed): the accepted event, read again on release. */
  @Column('jsonb', { name: 'accepted_event', nullable: true })
  acceptedEvent!: EmailInboundAcceptedV1 | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
