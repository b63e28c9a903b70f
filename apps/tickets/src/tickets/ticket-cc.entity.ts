import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

/** Someone copied on a ticket: they receive its public replies and may reply to it. */
@Entity('ticket_ccs')
export class TicketCcEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @PrimaryColumn('text')
  email!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @ManyToOne(() => TicketEntity, (ticket) => ticket.ccs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket!: TicketEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
