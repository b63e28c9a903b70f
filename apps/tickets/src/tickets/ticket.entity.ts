import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ticketChannels, ticketStatuses } from '@helpgate/contracts';
import { TicketCcEntity } from './ticket-cc.entity';
import { TicketMessageEntity } from './ticket-message.entity';

export type TicketStatus = (typeof ticketStatuses)[number];
export type TicketChannel = (typeof ticketChannels)[number];
export type TicketLinkKind = 'follow-up' | 'other-sender';

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The number people quote (`#1042`): from a sequence, never reused. */
  @Column({ type: 'bigint', insert: false, update: false, transformer: { from: Number, to: (value: number) => value } })
  number!: number;

  @Column('text')
  subject!: string;

  @Column('text')
  status!: TicketStatus;

  @Column('text')
  channel!: TicketChannel;

  @Column('uuid', { name: 'requester_contact_id' })
  requesterContactId!: string;

  @Column('text', { name: 'requester_email' })
  requesterEmail!: string;

  @Column('text', { name: 'requester_name' })
  requesterName!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'organization_name' })
  organizationName!: string;

  @Column('text', { nullable: true })
  category!: string | null;

  /** The earlier ticket this one follows up on, or was split from because someone else replied to it. */
  @Column('uuid', { name: 'linked_ticket_id', nullable: true })
  linkedTicketId!: string | null;

  @Column('text', { name: 'link_kind', nullable: true })
  linkKind!: TicketLinkKind | null;

  @OneToMany(() => TicketMessageEntity, (message) => message.ticket)
  messages!: TicketMessageEntity[];

  @OneToMany(() => TicketCcEntity, (cc) => cc.ticket)
  ccs!: TicketCcEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
