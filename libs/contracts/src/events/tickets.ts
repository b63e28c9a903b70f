import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';

export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketChannels = ['email', 'chat', 'web'] as const;
export const ticketChangeKinds = ['created', 'updated', 'message_added'] as const;
/**
 * The fields of a ticket that are changed after it was opened; `updated` events name which ones changed.
 * `requesterContactId` changes only when identity merges the requester into another contact.
 */
export const ticketChangeableFields = ['status', 'priority', 'categoryId', 'assigneeId', 'tags', 'requesterContactId'] as const;
export const ticketMessageVisibilities = ['public', 'internal'] as const;
export const ticketMessageAuthorKinds = ['requester', 'cc', 'agent', 'system'] as const;

/** Who made a change: an agent, a customer (by mail or the portal), Helpgate itself, or an automation rule. */
export const ticketActorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), id: z.uuid() }),
  z.object({ type: z.literal('contact'), id: z.uuid() }),
  z.object({ type: z.literal('rule'), id: z.uuid() }),
  z.object({ type: z.literal('system') }),
]);

export type TicketActor = z.infer<typeof ticketActorSchema>;

const fieldValue = z.union([z.string(), z.array(z.string()), z.null()]);

export const ticketFieldChangeSchema = z.object({
  field: z.enum(ticketChangeableFields),
  from: fieldValue,
  to: fieldValue,
});

export type TicketFieldChange = z.infer<typeof ticketFieldChangeSchema>;

/** The ticket as it is after the change: what the activity timeline, reports and automation rules read. */
export const ticketSnapshotSchema = z.object({
  id: z.uuid(),
  number: z.number().int().positive(),
  subject: z.string(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities),
  category: z.object({ id: z.uuid(), department: z.string(), feature: z.string().nullable() }).nullable(),
  channel: z.enum(ticketChannels),
  requesterContactId: z.uuid(),
  /** Empty once the requester's personal data was erased. */
  requesterEmail: z.string().max(320),
  organizationId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  tags: z.array(z.string()),
  linkedTicket: z.object({ id: z.uuid(), kind: z.enum(['follow-up', 'other-sender']) }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  firstResponseAt: z.iso.datetime({ offset: true }).nullable(),
  solvedAt: z.iso.datetime({ offset: true }).nullable(),
});

export type TicketSnapshot = z.infer<typeof ticketSnapshotSchema>;

/**
 * A ticket was opened, changed, or given a message; keyed by ticket id. v3 (v2 could not name a `requesterContactId`
 * change, which a contact merge makes; v1 had no `updated` change, actor, priority, category, assignee, tags or times).
 * `changes` lists each changed field for `updated` (empty otherwise); `message` describes the message for
 * `message_added` (the text stays in the tickets service).
 */
export const ticketsTicketChangedV3 = eventEnvelopeSchema.extend({
  change: z.enum(ticketChangeKinds),
  actor: ticketActorSchema,
  ticket: ticketSnapshotSchema,
  changes: z.array(ticketFieldChangeSchema),
  message: z
    .object({
      id: z.uuid(),
      visibility: z.enum(ticketMessageVisibilities),
      direction: z.enum(['inbound', 'outbound']),
      authorKind: z.enum(ticketMessageAuthorKinds),
    })
    .optional(),
});

export type TicketsTicketChangedV3 = z.infer<typeof ticketsTicketChangedV3>;
