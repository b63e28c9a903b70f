import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A product announcement in the help center: shown from `publishedFrom` on, to readers of its language or of any. */
@Entity('announcements')
export class AnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** Markdown. */
  @Column('text')
  text!: string;

  /** Hidden before this time; admins schedule announcements by setting it ahead. */
  @Column('timestamptz', { name: 'published_from' })
  publishedFrom!: Date;

  /** ISO 639-1; null: shown in every language. */
  @Column('text', { nullable: true })
  language!: string | null;

  /** Where "read more" leads: an absolute URL or a help-center path. */
  @Column('text', { nullable: true })
  link!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
