import { z } from 'zod';
import { ContactImportEntity, ImportOutcome, importOutcomes } from './contact-import.entity';

const importRowReportSchema = z.object({
  line: z.number().int().describe('The line of the file the row starts on (the header is line 1).'),
  email: z.string().nullable().describe("As given when it is no valid address; null once the contact's personal data was erased."),
  outcome: z.enum(importOutcomes),
  contactId: z.uuid().optional(),
  reason: z.string().optional(),
});

export const contactImportReportSchema = z.object({
  id: z.uuid(),
  importedAt: z.iso.datetime(),
  importedBy: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  unknownColumns: z.array(z.string()).describe('Columns of the header the import did not use.'),
  rows: z.array(importRowReportSchema),
});

export type ContactImportReportDto = z.infer<typeof contactImportReportSchema>;

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
