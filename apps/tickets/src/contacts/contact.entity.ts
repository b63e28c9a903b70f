import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A contact as identity last described it (read model; identity owns contacts). */
@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The primary address; null once identity erased the contact's personal data. */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'organization_name' })
  organizationName!: string;

  /** The contact this one was merged into: its tickets and its id now belong to that one. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @Column({ name: 'known_at', type: 'timestamptz' })
  knownAt!: Date;
}
