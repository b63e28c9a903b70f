import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { TicketEntity } from '../tickets/ticket.entity';

/** A customer's request to be called back about its ticket rather than answered in writing. */
@Entity('ticket_callback_requests')
export class TicketCallbackRequestEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @OneToOne(() => TicketEntity, (ticket) => ticket.callbackRequest)
  @JoinColumn({ name: 'ticket_id' })
  ticket!: TicketEntity;

  /** International form (`callbackPhoneNumber`); empty once the requester's personal data was erased. */
  @Column('text')
  phone!: string;

  /** The customer agreed to the call being recorded: always true, a request without it is refused. */
  @Column('boolean', { name: 'recording_consent' })
  recordingConsent!: boolean;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
