import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { settingSchemas } from './identity-settings';

export const changeSettingsSchema = z
  .strictObject(settingSchemas)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one setting');

export type ChangeSettingsDto = z.output<typeof changeSettingsSchema>;

export const auditQuerySchema = pageQuerySchema;

export interface SettingChangeResponseDto {
  id: string;
  /** Who changed it, as the `X-Actor` header named them, else `system`. */
  actor: string;
  setting: string;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
}
