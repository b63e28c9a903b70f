import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ContactEntity } from './contact.entity';

/** A contact belongs to its default organization and possibly to others; each membership is one row. */
@Entity('contact_organizations')
export class ContactMembershipEntity {
  @PrimaryColumn('uuid', { name: 'contact_id' })
  contactId!: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @ManyToOne(() => ContactEntity, (contact) => contact.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact!: ContactEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization!: OrganizationEntity;

  /** A primary contact speaks for the organization (and may later see all of its tickets). */
  @Column('boolean', { name: 'is_primary_contact', default: false })
  isPrimaryContact!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
