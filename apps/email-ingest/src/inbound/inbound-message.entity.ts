import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One accepted SMTP transaction: who sent what to which support address, and when. */
@Entity('inbound_messages')
export class InboundMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'raw_sha256' })
  rawSha256!: string;

  /** Read from the message after it was accepted; null until then. */
  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  /** The From address, lower-cased: what flood limits count by. Null until the message was read. */
  @Column('text', { nullable: true })
  sender!: string | null;

  @Column('text', { name: 'envelope_from', nullable: true })
  envelopeFrom!: string | null;

  @Column('text', { name: 'envelope_to', array: true })
  envelopeTo!: string[];

  @Column('text', { name: 'remote_address', nullable: true })
  remoteAddress!: string | null;

  @Column('text', { name: 'helo_name', nullable: true })
  heloName!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;
}
