import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactActivity, ContactActivityKind } from './contact-activity';

@Entity('contact_activities')
export class ContactActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'contact_id' })
  contactId!: string;

  @Column('text')
  kind!: ContactActivityKind;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('jsonb')
  details!: ContactActivity['details'];
}
