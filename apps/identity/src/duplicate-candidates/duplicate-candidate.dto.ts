import { z } from 'zod';
import { contactResponseSchema } from '../contacts/contact.dto';
import type { DuplicateReason } from './duplicate-reason';

export const dismissalSchema = z.strictObject({
  /** The two contacts an agent found to be different people. */
  contactIds: z
    .tuple([z.uuid(), z.uuid()])
    .transform((ids) => ids.map((id) => id.toLowerCase()) as [string, string])
    .refine(([first, second]) => first !== second, 'names one contact twice'),
});

export type DismissalDto = z.output<typeof dismissalSchema>;

const duplicateReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same_phone'), number: z.string() }),
  z.object({ kind: z.literal('same_name_in_organization'), organizationId: z.uuid(), organizationName: z.string() }),
  z.object({ kind: z.literal('similar_address'), addresses: z.tuple([z.string(), z.string()]) }),
]) satisfies z.ZodType<DuplicateReason>;

/** A contact that looks like the one asked about, and why. */
export const duplicateCandidateSchema = z.object({ contact: contactResponseSchema, reasons: z.array(duplicateReasonSchema) });

export type DuplicateCandidateDto = z.infer<typeof duplicateCandidateSchema>;

/** Two contacts that look like one person, and why. */
export const duplicatePairSchema = z.object({
  contacts: z.tuple([contactResponseSchema, contactResponseSchema]),
  reasons: z.array(duplicateReasonSchema),
});

export type DuplicatePairDto = z.infer<typeof duplicatePairSchema>;

export const dismissalResponseSchema = z.object({
  contactIds: z.tuple([z.uuid(), z.uuid()]).describe('The lower id first.'),
  dismissedBy: z.string(),
  dismissedAt: z.iso.datetime(),
});

export type DismissalResponseDto = z.infer<typeof dismissalResponseSchema>;
