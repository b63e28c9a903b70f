import { z } from 'zod';
import { chatEscalationReasons } from '@helpgate/contracts';
import type { ContactActivity } from './contact-activity';
import type { ContactActivityEntity } from './contact-activity.entity';
import { contactSources } from './contact.entity';

export const activityQuerySchema = z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

export type ActivityQueryDto = z.output<typeof activityQuerySchema>;

const entry = { id: z.uuid(), occurredAt: z.iso.datetime() };

const contactActivityResponseSchema = z.discriminatedUnion('kind', [
  z.object({ ...entry, kind: z.literal('created'), details: z.object({ source: z.enum(contactSources) }) }),
  z.object({ ...entry, kind: z.literal('mail_received'), details: z.object({ inboundMessageId: z.uuid() }) }),
  z.object({ ...entry, kind: z.literal('profile_changed'), details: z.object({ fields: z.array(z.string()) }) }),
  z.object({ ...entry, kind: z.literal('merged'), details: z.object({ otherContactId: z.uuid() }) }),
  z.object({ ...entry, kind: z.literal('ticket_opened'), details: z.object({ ticketId: z.uuid(), number: z.number().int() }) }),
  z.object({
    ...entry,
    kind: z.literal('ticket_moved'),
    details: z.object({ ticketId: z.uuid(), number: z.number().int(), fromContactId: z.uuid() }),
  }),
  z.object({
    ...entry,
    kind: z.literal('chat_escalated'),
    details: z.object({ conversationId: z.uuid(), reason: z.enum(chatEscalationReasons) }),
  }),
  z.object({
    ...entry,
    kind: z.literal('chat_transcript_recorded'),
    details: z.object({ transcriptId: z.uuid(), conversationId: z.uuid() }),
  }),
  z.object({ ...entry, kind: z.literal('anonymized'), details: z.object({}) }),
]);

export type ContactActivityResponseDto = ContactActivity & { id: string; occurredAt: string };

/** One page of a contact's timeline, newest first. */
export const contactActivityPageSchema = z.object({
  items: z.array(contactActivityResponseSchema) satisfies z.ZodType<ContactActivityResponseDto[]>,
  page: z.number().int(),
  total: z.number().int(),
});

export type ContactActivityPageDto = z.infer<typeof contactActivityPageSchema>;

export function toActivityResponse({ id, kind, occurredAt, details }: ContactActivityEntity): ContactActivityResponseDto {
  return { id, occurredAt: occurredAt.toISOString(), ...({ kind, details } as ContactActivity) };
}
