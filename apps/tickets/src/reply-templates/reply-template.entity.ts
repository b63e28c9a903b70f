import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reply template (macro): agents apply it to a ticket, automation rules mail it to the requester. */
@Entity('reply_templates')
export class ReplyTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Null: the reply answers the ticket's subject ("Re: …"). */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text')
  body!: string;

  /** Inactive templates are kept (rules may name them) but can no longer be applied. */
  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
