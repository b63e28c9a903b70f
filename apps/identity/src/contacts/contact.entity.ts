import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ContactEmailEntity } from './contact-email.entity';
import { ContactMembershipEntity } from './contact-membership.entity';
import { ContactPhoneEntity } from './contact-phone.entity';

/** How a contact came to be: from inbound mail, created by an agent, imported in bulk, or from a chat visitor's address. */
export const contactSources = ['email', 'agent', 'import', 'chat', 'web'] as const;
export type ContactSource = (typeof contactSources)[number];
/** The sources of contacts created for someone who wrote in from an unknown address. */
/** Where a sender a contact is created for came from: mail, a chat, or the help center's web forms. */
export type SenderSource = Extract<ContactSource, 'email' | 'chat' | 'web'>;

export const contactStatuses = ['active', 'inactive'] as const;
export type ContactStatus = (typeof contactStatuses)[number];

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The full name, shown everywhere; derived from first and last name when those are given. */
  @Column('text')
  name!: string;

  @Column('text', { name: 'first_name', nullable: true })
  firstName!: string | null;

  @Column('text', { name: 'last_name', nullable: true })
  lastName!: string | null;

  /** The default organization; the contact is also a member of it in `memberships`. */
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity)
  @JoinColumn({ name: 'organization_id' })
  organization!: OrganizationEntity;

  @OneToMany(() => ContactEmailEntity, (email) => email.contact, { cascade: ['insert'] })
  emails!: ContactEmailEntity[];

  @OneToMany(() => ContactPhoneEntity, (phone) => phone.contact)
  phones!: ContactPhoneEntity[];

  @OneToMany(() => ContactMembershipEntity, (membership) => membership.contact)
  memberships!: ContactMembershipEntity[];

  /** BCP 47, canonical case. */
  @Column('text', { nullable: true })
  language!: string | null;

  /** IANA time zone name. */
  @Column('text', { name: 'time_zone', nullable: true })
  timeZone!: string | null;

  /** Agent-only free text. */
  @Column('text', { nullable: true })
  details!: string | null;

  /** Agent-only free text. */
  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  tags!: string[];

  @Column('text', { default: 'active' })
  status!: ContactStatus;

  @Column('text')
  source!: ContactSource;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set in the transaction that requests the contact's welcome mail, so there is never a second one. */
  @Column('timestamptz', { name: 'welcome_mail_sent_at', nullable: true })
  welcomeMailSentAt!: Date | null;

  /** Set on a contact merged into another: the row stays as a tombstone so its id still leads to the survivor. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @Column('timestamptz', { name: 'merged_at', nullable: true })
  mergedAt!: Date | null;

  /** Set when the contact's personal data was erased: the row and its timeline stay under a placeholder name. */
  @Column('timestamptz', { name: 'anonymized_at', nullable: true })
  anonymizedAt!: Date | null;

  /** When mail from the contact last arrived. */
  @Column('timestamptz', { name: 'last_seen_at', nullable: true })
  lastSeenAt!: Date | null;

  /** When the contact last signed in to the portal. */
  @Column('timestamptz', { name: 'last_signed_in_at', nullable: true })
  lastSignedInAt!: Date | null;
}
