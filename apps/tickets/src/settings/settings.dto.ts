import { z } from 'zod';
import { changeSettingsSchema } from '@helpgate/platform';
import { TicketsSettings, ticketsSettingSchemas } from './tickets-settings';

export const changeTicketsSettingsSchema = changeSettingsSchema(ticketsSettingSchemas);
export type ChangeTicketsSettingsDto = z.output<typeof changeTicketsSettingsSchema>;

export const ticketsSettingsResponseSchema = z.object({
  phoneCallbackExcludedCategoryIds: z
    .array(z.uuid())
    .describe('Categories whose tickets may not ask for a phone call; a department excludes its features too.'),
  customerSuccessForm: z
    .object({ enabled: z.boolean(), categoryId: z.uuid().nullable() })
    .describe('Whether the "contact customer success" form is accepted, and the category its tickets get.'),
}) satisfies z.ZodType<TicketsSettings>;
