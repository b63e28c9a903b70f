import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EmailInboundReceivedV2 } from '@helpgate/contracts';

/** Mail from an address no contact has, held while contacts are not created automatically. */
@Entity('unknown_sender_mail')
export class UnknownSenderMailEntity {
  @PrimaryColumn('uuid', { name: 'inbound_message_id' })
  inboundMessageId!: string;

  @Column('text')
  sender!: string;

  @Column('text')
  subject!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** The whole event, to resolve the mail again once an agent has created the contact. */
  @Column('jsonb')
  event!: EmailInboundReceivedV2;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
