import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ticketChannels, ticketStatuses } from '@helpgate/contracts';
import { TicketMessageEntity } from './ticket-message.entity';

export type TicketStatus = (typeof ticketStatuses)[number];
export type TicketChannel = (typeof ticketChannels)[number];

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

  @OneToMany(() => TicketMessageEntity, (message) => message.ticket)
  messages!: TicketMessageEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
