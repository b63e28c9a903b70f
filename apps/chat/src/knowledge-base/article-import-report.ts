import { z } from 'zod';

export const importOutcomes = ['created', 'updated', 'unchanged', 'invalid', 'duplicate'] as const;

export type ImportOutcome = (typeof importOutcomes)[number];

/** What an import did: counts by outcome, and one line per file. */
export const importReportSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
    duplicate: z.number().int(),
    files: z.array(
      z.object({
        path: z.string(),
        outcome: z.enum(importOutcomes),
        id: z.string().optional(),
        language: z.string().optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'ArticleImportReport' });

export type ImportReport = z.infer<typeof importReportSchema>;
