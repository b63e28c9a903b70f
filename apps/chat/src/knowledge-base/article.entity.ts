import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One translation of a help-center article; its translations share `id`. */
@Entity('knowledge_base_articles')
export class ArticleEntity {
  @PrimaryColumn('text')
  id!: string;

  /** ISO 639-1. */
  @PrimaryColumn('text')
  language!: string;

  @Column('text')
  title!: string;

  /** Markdown. */
  @Column('text')
  body!: string;

  /** The ticket category's department and feature the article belongs to. */
  @Column('text')
  department!: string;

  @Column('text', { nullable: true })
  feature!: string | null;

  @Column('text', { array: true })
  tags!: string[];

  /** Unpublished articles are kept for admins and never shown or searched. */
  @Column('boolean')
  published!: boolean;

  /** Of the fields above: an import leaves an article whose file hashes the same untouched. */
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the text last changed (an imported file's `updated`, else the time of the change). */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
