import { z } from 'zod';
import type { ContactActivity } from './contact-activity';
import type { ContactActivityEntity } from './contact-activity.entity';

export const activityQuerySchema = z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

export type ActivityQueryDto = z.output<typeof activityQuerySchema>;

export type ContactActivityResponseDto = ContactActivity & { id: string; occurredAt: string };

export interface ContactActivityPageDto {
  items: ContactActivityResponseDto[];
  page: number;
  total: number;
}

export function toActivityResponse({ id, kind, occurredAt, details }: ContactActivityEntity): ContactActivityResponseDto {
  return { id, occurredAt: occurredAt.toISOString(), ...({ kind, details } as ContactActivity) };
}
