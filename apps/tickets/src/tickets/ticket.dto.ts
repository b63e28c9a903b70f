import { z } from 'zod';
import {
  attachmentRefSchema,
  mailAuthenticationSchema,
  ticketActorSchema,
  ticketChannels,
  ticketFieldChangeSchema,
  ticketMessageVisibilities,
  ticketPriorities,
  ticketsTicketChangedV3,
  ticketStatuses,
} from '@helpgate/contracts';
import { pageQuerySchema, UploadedFileInput, uploadedFileInput } from '@helpgate/platform';
import { categoryPath } from '../domain/category-label';
import { searchWords } from './search-words';
import { TicketAuditEntity } from './ticket-audit.entity';
import { attachmentStorages, TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { TicketSort, ticketSortFields } from './ticket-search.repository';

const emailInput = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** A tag: lower-case letters and digits, words joined by - or _ (`billing`, `vip-customer`), at most 50 characters. */
export const tagInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(50)
  .regex(/^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u, 'must be letters and digits, words joined by - or _');

const tagsInput = z
  .array(tagInput)
  .max(30)
  .transform((tags) => [...new Set(tags)]);

/** `status=open,pending`: any of the values. */
const anyOf = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z
    .string()
    .transform((list) => list.split(',').map((value) => value.trim()))
    .pipe(z.array(z.enum(values)).min(1));

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((value) => new Date(value));

const messageBody = z.string().trim().min(1).max(100_000);

export const ticketSearchSchema = pageQuerySchema.extend({
  status: anyOf(ticketStatuses).optional(),
  priority: anyOf(ticketPriorities).optional(),
  channel: anyOf(ticketChannels).optional(),
  /** A department's id includes its features. */
  categoryId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  requesterContactId: z.uuid().optional(),
  requesterEmail: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .transform((email) => email.toLowerCase())
    .optional(),
  /** An agent's id, or `none` for tickets nobody is assigned to. */
  assigneeId: z.union([z.literal('none'), z.uuid()]).optional(),
  tag: tagInput.optional(),
  /** Created at or after (a date is its midnight UTC). */
  createdFrom: instant.optional(),
  /** Created before. */
  createdBefore: instant.optional(),
  /** Words to find in the subject or the messages, each as a prefix. */
  q: z
    .string()
    .max(500)
    .transform(searchWords)
    .refine((words) => words.length > 0, 'needs a word with a letter or digit')
    .optional(),
  /** A field, `-` first for descending: createdAt, updatedAt, number, priority, status. */
  sort: z
    .string()
    .default('-createdAt')
    .pipe(
      z
        .string()
        .regex(new RegExp(`^-?(${ticketSortFields.join('|')})$`), `must be one of ${ticketSortFields.join(', ')}, - first for descending`),
    )
    .transform((sort): TicketSort => ({
      field: sort.replace(/^-/, '') as TicketSort['field'],
      direction: sort.startsWith('-') ? 'DESC' : 'ASC',
    })),
});

export type TicketSearchDto = z.output<typeof ticketSearchSchema>;

export type GivenAttachment = UploadedFileInput;

export const createTicketSchema = z.strictObject({
  /** The contact the ticket is for, by identity's contact id or by one of its addresses. */
  requester: z.union([z.strictObject({ contactId: z.uuid() }), z.strictObject({ email: emailInput })]),
  subject: z.string().trim().min(1).max(500),
  body: messageBody,
  priority: z.enum(ticketPriorities).default('normal'),
  categoryId: z.uuid().optional(),
  tags: tagsInput.default([]),
  ccs: z.array(emailInput).max(20).default([]),
  /** Counted and measured against the settings by the service, which names the limit it refuses. */
  attachments: z.array(uploadedFileInput).max(100).default([]),
});

export type CreateTicketDto = z.output<typeof createTicketSchema>;

export const updateTicketSchema = z
  .strictObject({
    status: z.enum(ticketStatuses).optional(),
    priority: z.enum(ticketPriorities).optional(),
    categoryId: z.uuid().nullable().optional(),
    /** An agent's id; null unassigns. */
    assigneeId: z.uuid().nullable().optional(),
    /** The ticket's tags, all of them. */
    tags: tagsInput.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export type UpdateTicketDto = z.output<typeof updateTicketSchema>;

export const replySchema = z
  .strictObject({
    /** The reply as written; with `templateId`, the agent's edited text of the template, whose placeholders are filled. */
    body: messageBody.optional(),
    /** A reply template applied to the ticket: its subject, and its body unless `body` is given. */
    templateId: z.uuid().optional(),
    /** Where the ticket goes with the reply, e.g. pending while waiting on the customer; by default it opens. */
    status: z.enum(ticketStatuses).optional(),
  })
  .refine((reply) => reply.body !== undefined || reply.templateId !== undefined, 'give body, templateId or both');

export type ReplyDto = z.output<typeof replySchema>;

export const replyPreviewSchema = z.strictObject({
  templateId: z.uuid().describe('The reply template to fill in for the ticket.'),
  body: messageBody.optional().describe("The agent's edited text of the template, its placeholders filled."),
});

export type ReplyPreviewDto = z.output<typeof replyPreviewSchema>;

export const noteSchema = z.strictObject({ body: messageBody });

export type NoteDto = z.output<typeof noteSchema>;

const timestamp = z.iso.datetime();

const categoryRefSchema = z.object({ id: z.uuid(), department: z.string(), feature: z.string().nullable(), path: z.string() });

export type CategoryRefDto = z.infer<typeof categoryRefSchema>;

export const ticketSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    subject: z.string(),
    status: z.enum(ticketStatuses),
    priority: z.enum(ticketPriorities),
    channel: z.enum(ticketChannels),
    category: categoryRefSchema.nullable(),
    linkedTicket: z.object({ id: z.uuid(), kind: z.string() }).nullable(),
    requester: z
      .object({ contactId: z.uuid(), email: z.string().nullable(), name: z.string() })
      .describe("`email` is null once the requester's personal data was erased."),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    assigneeId: z.uuid().nullable(),
    assignee: z
      .object({ id: z.uuid(), name: z.string().nullable() })
      .nullable()
      .describe("The assignee's name as identity gave it; null while tickets has not heard of the agent."),
    tags: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
    firstResponseAt: timestamp.nullable(),
    solvedAt: timestamp.nullable(),
  })
  .meta({ id: 'TicketSummary' });

export type TicketSummaryDto = z.infer<typeof ticketSummarySchema>;

const ticketMessageSchema = z.object({
  id: z.uuid(),
  visibility: z.enum(ticketMessageVisibilities),
  direction: z.string(),
  author: z
    .object({
      kind: z.string(),
      agentId: z.uuid().nullable(),
      ruleId: z.uuid().nullable(),
      contactId: z.uuid().nullable(),
      email: z.string().nullable(),
      name: z.string(),
    })
    .describe('`ruleId`: the automation rule that wrote it (author kind `system`).'),
  bodyText: z.string(),
  fullText: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  attachments: z
    .array(
      attachmentRefSchema.extend({
        id: z.string().describe('A sha256 for email-ingest and tickets, chat’s file id for chat.'),
        storage: z.enum(attachmentStorages),
        sha256: z.string().optional(),
        downloadUrl: z.string().optional(),
      }),
    )
    .describe(
      '`storage` says where to download: email-ingest `GET /attachments/:id`, tickets `GET /tickets/:ticketId/attachments/:id`, or chat at `downloadUrl` (a chat file also names its `sha256`).',
    ),
  automatedKind: z.string().nullable(),
  authentication: mailAuthenticationSchema.nullable(),
  delivery: z.object({ status: z.string(), error: z.string().nullable() }).nullable(),
  mailMessageId: z.string().nullable(),
  createdAt: timestamp,
});

export type TicketMessageDto = z.infer<typeof ticketMessageSchema>;

export const ticketDetailSchema = ticketSummarySchema
  .extend({
    ccs: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
    messages: z.array(ticketMessageSchema),
    callbackRequest: z
      .object({ phone: z.string(), recordingConsent: z.boolean(), requestedAt: timestamp })
      .nullable()
      .describe('The phone call the customer asked for instead of a written answer (`phone` in international form).'),
  })
  .meta({ id: 'Ticket' });

export type TicketDetailDto = z.infer<typeof ticketDetailSchema>;

export const auditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  actor: ticketActorSchema,
  changes: z.array(ticketFieldChangeSchema),
  /** The message it added, as `tickets.ticket.changed.v3` describes it. */
  message: ticketsTicketChangedV3.shape.message.unwrap().nullable() satisfies z.ZodType<TicketAuditEntity['message']>,
  note: z.string().nullable().describe("Why a rule's action was skipped, or how a rule failed."),
  occurredAt: timestamp,
});

export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export function toTicketSummary(ticket: TicketEntity): TicketSummaryDto {
  const { category } = ticket;
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    category: category
      ? { id: category.id, department: category.department, feature: category.feature, path: categoryPath(category) }
      : null,
    linkedTicket: ticket.linkedTicketId && ticket.linkKind ? { id: ticket.linkedTicketId, kind: ticket.linkKind } : null,
    requester: { contactId: ticket.requesterContactId, email: ticket.requesterEmail, name: ticket.requesterName },
    organization: { id: ticket.organizationId, name: ticket.organizationName },
    assigneeId: ticket.assigneeId,
    assignee: ticket.assigneeId ? { id: ticket.assigneeId, name: ticket.assignee?.name ?? null } : null,
    tags: ticket.tags,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    solvedAt: ticket.solvedAt?.toISOString() ?? null,
  };
}

export function toTicketDetail(ticket: TicketEntity): TicketDetailDto {
  return {
    ...toTicketSummary(ticket),
    ccs: ticket.ccs.map((cc) => ({ email: cc.email, name: cc.name })),
    messages: ticket.messages.map(toTicketMessage),
    callbackRequest: ticket.callbackRequest
      ? {
          phone: ticket.callbackRequest.phone,
          recordingConsent: ticket.callbackRequest.recordingConsent,
          requestedAt: ticket.callbackRequest.requestedAt.toISOString(),
        }
      : null,
  };
}

function toTicketMessage(message: TicketMessageEntity): TicketMessageDto {
  return {
    id: message.id,
    visibility: message.visibility,
    direction: message.direction,
    author: {
      kind: message.authorKind,
      agentId: message.authorAgentId,
      ruleId: message.authorRuleId,
      contactId: message.authorContactId,
      email: message.authorEmail,
      name: message.authorName,
    },
    bodyText: message.bodyText,
    fullText: message.fullText,
    bodyHtml: message.bodyHtml,
    attachments: message.attachments.map(({ storage, ...attachment }) => ({ ...attachment, storage: storage ?? 'email-ingest' })),
    automatedKind: message.automatedKind,
    authentication: message.authentication,
    delivery: message.deliveryStatus ? { status: message.deliveryStatus, error: message.deliveryError } : null,
    mailMessageId: message.mailMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toAuditEntry(entry: TicketAuditEntity): AuditEntryDto {
  return {
    id: entry.id,
    action: entry.action,
    actor: entry.actorType === 'system' ? { type: 'system' } : { type: entry.actorType, id: entry.actorId! },
    changes: entry.changes,
    message: entry.message,
    note: entry.note,
    occurredAt: entry.occurredAt.toISOString(),
  };
}
