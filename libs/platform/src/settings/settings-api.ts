import { z } from 'zod';
import { pageQuerySchema } from '../pagination';

/** The body of `PATCH …/settings`: any of the settings, at least one, nothing else. */
export function changeSettingsSchema<Shape extends z.core.$ZodLooseShape>(schemas: Shape) {
  return z
    .strictObject(schemas)
    .partial()
    .refine((body) => Object.keys(body).length > 0, 'change at least one setting');
}

export const settingsAuditQuerySchema = pageQuerySchema;

/** One entry of `GET …/settings/audit`. */
export const settingChangeResponseSchema = z.object({
  id: z.string().describe('Increasing with every change.'),
  actor: z.string().describe('Who changed it: `agent:<id>`, else `system`.'),
  setting: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedAt: z.iso.datetime(),
});
