import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ticketChannels } from '@helpgate/contracts';
import { AgentEntity } from '../agents/agent.entity';
import { CategoryEntity } from '../categories/category.entity';
import { TicketCallbackRequestEntity } from '../phone-callbacks/ticket-callback-request.entity';
import type { TicketPriority } from '../domain/priorities';
import type { TicketStatus } from '../domain/ticket-status';
import { TicketCcEntity } from './ticket-cc.entity';
import { TicketMessageEntity } from './ticket-message.entity';

export type { TicketStatus } from '../domain/ticket-status';
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
  priority!: TicketPriority;

  @Column('text')
  channel!: TicketChannel;

  @Column('uuid', { name: 'requester_contact_id' })
  requesterContactId!: string;

  /** Null once identity erased the requester's personal data: nobody can be mailed about the ticket any more. */
  @Column('text', { name: 'requester_email', nullable: true })
  requesterEmail!: string | null;

  @Column('text', { name: 'requester_name' })
  requesterName!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'organization_name' })
  organizationName!: string;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => CategoryEntity, { nullable: true })
  @JoinColumn({ name: 'category_id' })
  category!: CategoryEntity | null;

  /** The agent working on the ticket. */
  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  /** The assignee as identity described it; no foreign key, as an agent may be assigned before its event is here. */
  @ManyToOne(() => AgentEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'assignee_id' })
  assignee!: AgentEntity | null;

  @Column('text', { array: true })
  tags!: string[];

  /** The support address the customer wrote to; replies come from it. Null for tickets that did not arrive by mail. */
  @Column('text', { name: 'support_address', nullable: true })
  supportAddress!: string | null;

  /** The earlier ticket this one follows up on, or was split from because someone else replied to it. */
  @Column('uuid', { name: 'linked_ticket_id', nullable: true })
  linkedTicketId!: string | null;

  @Column('text', { name: 'link_kind', nullable: true })
  linkKind!: TicketLinkKind | null;

  @OneToMany(() => TicketMessageEntity, (message) => message.ticket)
  messages!: TicketMessageEntity[];

  @OneToMany(() => TicketCcEntity, (cc) => cc.ticket)
  ccs!: TicketCcEntity[];

  /** The phone call the customer asked for on the ticket form; loaded with the ticket's messages. */
  @OneToOne(() => TicketCallbackRequestEntity, (request) => request.ticket)
  callbackRequest?: TicketCallbackRequestEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** When an agent first answered the customer publicly. */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;

  /** When the ticket was last solved; cleared when it reopens. */
  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt!: Date | null;
}
