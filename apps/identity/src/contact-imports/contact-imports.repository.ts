import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactImportEntity, ContactImportRowEntity, ImportOutcome } from './contact-import.entity';

export interface ImportedRow {
  line: number;
  email: string;
  outcome: ImportOutcome;
  contactId?: string;
  reason?: string;
}

export interface NewContactImport {
  importedBy: string;
  unknownColumns: string[];
  rows: ImportedRow[];
}

/** Rows per INSERT statement, well below Postgres' limit of bind parameters. */
const rowsPerInsert = 1000;

@Injectable()
export class ContactImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores an import's report, all of it or nothing; returns its id. */
  async save({ importedBy, unknownColumns, rows }: NewContactImport): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const { id } = await manager.getRepository(ContactImportEntity).save({ importedBy, unknownColumns });
      for (let start = 0; start < rows.length; start += rowsPerInsert) {
        await manager.getRepository(ContactImportRowEntity).insert(
          rows.slice(start, start + rowsPerInsert).map(({ line, email, outcome, contactId, reason }) => ({
            importId: id,
            line,
            email,
            outcome,
            contactId: contactId ?? null,
            reason: reason ?? null,
          })),
        );
      }
      return id;
    });
  }

  /** An import with its rows in file order. */
  async findById(id: string): Promise<ContactImportEntity | null> {
    return this.dataSource
      .getRepository(ContactImportEntity)
      .findOne({ where: { id }, relations: { rows: true }, order: { rows: { line: 'ASC' } } });
  }
}
