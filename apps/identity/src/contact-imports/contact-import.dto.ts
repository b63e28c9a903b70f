import type { ContactImportEntity, ImportOutcome } from './contact-import.entity';

export interface ImportRowReportDto {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  /** As given when it is no valid address; null once the contact's personal data was erased. */
  email: string | null;
  outcome: ImportOutcome;
  contactId?: string;
  reason?: string;
}

export interface ContactImportReportDto {
  id: string;
  importedAt: string;
  importedBy: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Columns of the header the import did not use. */
  unknownColumns: string[];
  rows: ImportRowReportDto[];
}

export function toImportReport({ id, importedAt, importedBy, unknownColumns, rows }: ContactImportEntity): ContactImportReportDto {
  const count = (outcome: ImportOutcome) => rows.filter((row) => row.outcome === outcome).length;
  return {
    id,
    importedAt: importedAt.toISOString(),
    importedBy,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    unknownColumns,
    rows: rows.map(({ line, email, outcome, contactId, reason }) => ({
      line,
      email,
      outcome,
      ...(contactId === null ? {} : { contactId }),
      ...(reason === null ? {} : { reason }),
    })),
  };
}
