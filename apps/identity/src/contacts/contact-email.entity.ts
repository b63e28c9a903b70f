import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';

/** Every address of a contact; the primary key makes an address belong to one contact only. */
@Entity('contact_emails')
export class ContactEmailEntity {
  @PrimaryColumn('text')
  email!: string;

  @Column('uuid', { name: 'contact_id' })
  contactId!: string;

  @ManyToOne(() => ContactEntity, (contact) => contact.emails, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact!: ContactEntity;

  /** The mailbox the address delivers to (`mailboxKey`), for finding likely duplicates. */
  @Column('text', { name: 'mailbox_key' })
  mailboxKey!: string;

  @Column('boolean', { name: 'is_primary', default: false })
  isPrimary!: boolean;

  /** Set when mail to the address bounced permanently (the mailbox or domain does not exist). */
  @Column('timestamptz', { name: 'undeliverable_since', nullable: true })
  undeliverableSince!: Date | null;

  @Column('text', { name: 'undeliverable_reason', nullable: true })
  undeliverableReason!: string | null;

  /** Set when an agent (later also a one-time link) confirmed the contact owns the address. */
  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
