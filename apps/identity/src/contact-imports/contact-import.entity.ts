import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const importOutcomes = ['created', 'updated', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

/** One import of a contacts file; its rows are the report. */
@Entity('contact_imports')
export class ContactImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'imported_by' })
  importedBy!: string;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  /** Header names of columns the import did not use. */
  @Column('text', { name: 'unknown_columns', array: true })
  unknownColumns!: string[];

  @OneToMany(() => ContactImportRowEntity, (row) => row.contactImport)
  rows!: ContactImportRowEntity[];
}

/** What became of one row of an import file. */
@Entity('contact_import_rows')
export class ContactImportRowEntity {
  @PrimaryColumn('uuid', { name: 'import_id' })
  importId!: string;

  /** The line of the file the row starts on. */
  @PrimaryColumn('integer')
  line!: number;

  @ManyToOne(() => ContactImportEntity, (contactImport) => contactImport.rows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  contactImport!: ContactImportEntity;

  /** The row's address; null once the personal data of its contact was erased. */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text')
  outcome!: ImportOutcome;

  /** The contact created, updated or left unchanged; null for a refused row. */
  @Column('uuid', { name: 'contact_id', nullable: true })
  contactId!: string | null;

  /** Why the row was refused. */
  @Column('text', { nullable: true })
  reason!: string | null;
}
