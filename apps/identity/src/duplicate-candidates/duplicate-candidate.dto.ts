import { z } from 'zod';
import type { ContactResponseDto } from '../contacts/contact.dto';
import type { DuplicateReason } from './duplicate-reason';

export const dismissalSchema = z.strictObject({
  /** The two contacts an agent found to be different people. */
  contactIds: z
    .tuple([z.uuid(), z.uuid()])
    .transform((ids) => ids.map((id) => id.toLowerCase()) as [string, string])
    .refine(([first, second]) => first !== second, 'names one contact twice'),
});

export type DismissalDto = z.output<typeof dismissalSchema>;

/** A contact that looks like the one asked about, and why. */
export interface DuplicateCandidateDto {
  contact: ContactResponseDto;
  reasons: DuplicateReason[];
}

/** Two contacts that look like one person, and why. */
export interface DuplicatePairDto {
  contacts: [ContactResponseDto, ContactResponseDto];
  reasons: DuplicateReason[];
}

export interface DismissalResponseDto {
  /** The lower id first. */
  contactIds: [string, string];
  dismissedBy: string;
  dismissedAt: string;
}
