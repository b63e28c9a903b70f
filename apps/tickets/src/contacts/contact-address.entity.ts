import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address a contact has or wrote from, as identity told it. */
@Entity('contact_addresses')
export class ContactAddressEntity {
  @PrimaryColumn('text')
  email!: string;

  @Column('uuid', { name: 'contact_id' })
  contactId!: string;

  @Column({ name: 'known_at', type: 'timestamptz' })
  knownAt!: Date;
}
