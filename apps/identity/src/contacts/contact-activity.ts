import type { ChatEscalationReason } from '@helpgate/contracts';
import type { ContactSource } from './contact.entity';

/**
 * One entry of a contact's timeline. Details hold ids and field names only, never personal data, so the
 * timeline can outlive the data it is about.
 */
export type ContactActivity =
  | { kind: 'created'; details: { source: ContactSource } }
  | { kind: 'mail_received'; details: { inboundMessageId: string } }
  | { kind: 'profile_changed'; details: { fields: string[] } }
  | { kind: 'merged'; details: { otherContactId: string } }
  | { kind: 'ticket_opened'; details: { ticketId: string; number: number } }
  /** A ticket of a contact merged into this one moved here (tickets moves them on the merge). */
  | { kind: 'ticket_moved'; details: { ticketId: string; number: number; fromContactId: string } }
  | { kind: 'chat_escalated'; details: { conversationId: string; reason: ChatEscalationReason } }
  | { kind: 'chat_transcript_recorded'; details: { transcriptId: string; conversationId: string } }
  | { kind: 'anonymized'; details: Record<string, never> };

export type ContactActivityKind = ContactActivity['kind'];

export const activitiesPerPage = 10;

/** The names of the fields a change gives a value to (null included: clearing is a change), sorted. */
export function changedFields(change: object): string[] {
  return Object.entries(change)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
    .sort();
}

/** The rows to skip for a 1-based timeline page. */
export function activityOffset(page: number): number {
  return (page - 1) * activitiesPerPage;
}
