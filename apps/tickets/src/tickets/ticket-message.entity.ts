import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

export type MessageVisibility = 'public' | 'internal';

@Entity('ticket_messages')
export class TicketMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, (ticket) => ticket.messages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket!: TicketEntity;

  /** The RFC 5322 Message-ID: unique, so the same mail delivered twice is stored once. */
  @Column('text', { name: 'mail_message_id', nullable: true })
  mailMessageId!: string | null;

  @Column('uuid', { name: 'inbound_message_id', nullable: true })
  inboundMessageId!: string | null;

  @Column('uuid', { name: 'author_contact_id', nullable: true })
  authorContactId!: string | null;

  @Column('text', { name: 'author_email', nullable: true })
  authorEmail!: string | null;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('text')
  visibility!: MessageVisibility;

  @Column('text', { name: 'body_text' })
  bodyText!: string;

  @Column('text', { name: 'raw_message_sha256', nullable: true })
  rawMessageSha256!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
