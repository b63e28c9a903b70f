import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OutboundMail } from '@helpgate/contracts';

export type OutboundDeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

/** A mail another service asked us to send, and how far its delivery through the relay got. */
@Entity('outbound_deliveries')
export class OutboundDeliveryEntity {
  @PrimaryColumn('uuid', { name: 'request_id' })
  requestId!: string;

  @Column('text', { name: 'message_id' })
  messageId!: string;

  @Column('text')
  kind!: OutboundMail['kind'];

  @Column('jsonb')
  request!: OutboundMail;

  @Column('text')
  status!: OutboundDeliveryStatus;

  @Column('integer')
  attempts!: number;

  /** When a queued delivery is due; for one being sent, when its sender's lease runs out. */
  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
