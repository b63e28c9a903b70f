import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Someone chatting on the website: anonymous (with a token chat signed) or a signed-in contact. */
@Entity('visitors')
export class VisitorEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The contact identity says this visitor is (signed in, or found by the email it gave). */
  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId!: string | null;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
