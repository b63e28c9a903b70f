import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegisteredDomain } from './organization-for-address';

/** A contact put in "Unassigned" because several organizations claimed its address domain; agents settle it. */
@Entity('organization_domain_conflicts')
export class DomainConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'contact_id' })
  contactId!: string;

  /** The domain of the contact's address. */
  @Column('text')
  domain!: string;

  @Column('jsonb')
  claims!: RegisteredDomain[];

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;
}
