import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

import type { AttachmentRef, MailAuthentication } from '@helpgate/contracts';

export type MessageVisibility = 'public' | 'internal';
export type MessageDirection = 'inbound' | 'outbound';
export type MessageAuthorKind = 'requester' | 'cc' | 'agent' | 'system';
export type DeliveryStatus = 'queued' | 'delivered' | 'failed';
/**
 * Where an attachment's content is: email-ingest keeps mail attachments; tickets keeps files given through its API;
 * chat keeps the files of a conversation that became a ticket.
 */
export const attachmentStorages = ['email-ingest', 'tickets', 'chat'] as const;
export type AttachmentStorage = (typeof attachmentStorages)[number];
/**
 * Rows from before uploads name no storage: theirs is email-ingest. A chat file's id is chat's; it carries its sha256
 * and the URL chat serves it at.
 */
export type MessageAttachment = AttachmentRef & { storage?: AttachmentStorage; sha256?: string; downloadUrl?: string };

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

  @Column('uuid', { name: 'author_agent_id', nullable: true })
  authorAgentId!: string | null;

  /** The automation rule that wrote the message (a mailed template, an internal note); its author kind is system. */
  @Column('uuid', { name: 'author_rule_id', nullable: true })
  authorRuleId!: string | null;

  @Column('uuid', { name: 'author_contact_id', nullable: true })
  authorContactId!: string | null;

  @Column('text', { name: 'author_email', nullable: true })
  authorEmail!: string | null;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('text')
  visibility!: MessageVisibility;

  @Column('text')
  direction!: MessageDirection;

  @Column('text', { name: 'author_kind' })
  authorKind!: MessageAuthorKind;

  /** The new text of the message; for a reply, without the quoted history. */
  @Column('text', { name: 'body_text' })
  bodyText!: string;

  /** The whole text as received, when it differs from the body. */
  @Column('text', { name: 'full_text', nullable: true })
  fullText!: string | null;

  /** Sanitized by email-ingest before it was stored anywhere. */
  @Column('text', { name: 'body_html', nullable: true })
  bodyHtml!: string | null;

  @Column('jsonb', { default: () => "'[]'::jsonb" })
  attachments!: MessageAttachment[];

  @Column('text', { name: 'automated_kind', nullable: true })
  automatedKind!: string | null;

  @Column('jsonb', { nullable: true })
  authentication!: MailAuthentication | null;

  @Column('uuid', { name: 'outbound_request_id', nullable: true })
  outboundRequestId!: string | null;

  @Column('text', { name: 'delivery_status', nullable: true })
  deliveryStatus!: DeliveryStatus | null;

  @Column('text', { name: 'delivery_error', nullable: true })
  deliveryError!: string | null;

  @Column('text', { name: 'raw_message_sha256', nullable: true })
  rawMessageSha256!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
