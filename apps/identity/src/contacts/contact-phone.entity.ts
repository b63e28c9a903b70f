import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';

export const phoneKinds = ['direct', 'shared'] as const;
/** `direct` reaches one contact only (unique among direct numbers); `shared` (a switchboard) may belong to several. */
export type PhoneKind = (typeof phoneKinds)[number];

@Entity('contact_phones')
export class ContactPhoneEntity {
  @PrimaryColumn('uuid', { name: 'contact_id' })
  contactId!: string;

  /** Normalized by `normalizePhone`. */
  @PrimaryColumn('text')
  number!: string;

  @ManyToOne(() => ContactEntity, (contact) => contact.phones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact!: ContactEntity;

  @Column('text')
  kind!: PhoneKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
