import { z } from 'zod';

/** How each tickets setting an admin changes is validated, from the API and when read back from the database. */
export const ticketsSettingSchemas = {
  /**
   * Categories whose tickets may not ask for a phone call (a department excludes its features too). The product
   * reference names none, so none is excluded until the team says.
   */
  phoneCallbackExcludedCategoryIds: z.array(z.uuid()).max(500),
  /** The "contact customer success" form: whether tickets accepts it, and the category its tickets get. */
  customerSuccessForm: z.strictObject({ enabled: z.boolean(), categoryId: z.uuid().nullable() }),
};

export type TicketsSettings = { [Name in keyof typeof ticketsSettingSchemas]: z.output<(typeof ticketsSettingSchemas)[Name]> };

export const defaultTicketsSettings: TicketsSettings = {
  phoneCallbackExcludedCategoryIds: [],
  customerSuccessForm: { enabled: false, categoryId: null },
};

export const ticketsSettingsTables = { values: 'tickets_settings', audit: 'tickets_settings_audit' };
