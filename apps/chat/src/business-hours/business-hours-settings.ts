import { z } from 'zod';
import { changeSettingsSchema } from '@helpgate/platform';
import { BusinessHoursError, BusinessHoursSpec, parseBusinessHours } from './business-hours';

/** The specification as settings (a mapped type, which the settings store's record of values accepts). */
export type BusinessHoursSettings = Pick<BusinessHoursSpec, keyof BusinessHoursSpec>;

const alwaysOpen: BusinessHoursSpec = { schedule: '', timeZone: 'UTC', holidays: '' };

/**
 * One part of the business hours, refused with the parser's own reason when it cannot be read. The parts are read
 * independently of each other, so each is checked alone (with the others at their plainest).
 */
function businessHoursPart(part: keyof BusinessHoursSpec, maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .superRefine((value, context) => {
      try {
        parseBusinessHours({ ...alwaysOpen, [part]: value });
      } catch (error) {
        if (!(error instanceof BusinessHoursError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
      }
    });
}

/** How each business-hours setting is validated, from the API and when read back from the database. */
export const businessHoursSettingSchemas = {
  schedule: businessHoursPart('schedule', 1000).describe('`mon-fri 09:00-17:00; sat 10:00-13:00`; empty: open around the clock.'),
  timeZone: businessHoursPart('timeZone', 100).describe('An IANA time zone such as `Europe/Zurich`.'),
  holidays: businessHoursPart('holidays', 10_000).describe('Comma-separated ISO dates, local to the time zone, closed all day.'),
} satisfies { [Part in keyof BusinessHoursSpec]: z.ZodType<BusinessHoursSpec[Part]> };

export const changeBusinessHoursSchema = changeSettingsSchema(businessHoursSettingSchemas);
export type ChangeBusinessHoursDto = z.output<typeof changeBusinessHoursSchema>;

export const businessHoursResponseSchema = z
  .object({ schedule: z.string(), timeZone: z.string(), holidays: z.string() })
  .meta({ id: 'BusinessHours' }) satisfies z.ZodType<BusinessHoursSpec>;
