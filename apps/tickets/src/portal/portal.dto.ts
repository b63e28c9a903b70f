import { z } from 'zod';
import { ticketPriorities } from '@helpgate/contracts';
import { pageQuerySchema, uploadedFileInput } from '@helpgate/platform';
import type { AttachmentLimitsConfig } from '../config';
import { DepartmentDto, departmentResponseSchema } from '../categories/category.dto';
import { categoryPath } from '../domain/category-label';
import { portalStatuses, portalStatusOf } from './portal-status';
import { descriptionGuidance } from '../domain/description-guidance';
import type { PriorityDefinition } from '../domain/priorities';
import { priorityDefinitionSchema } from '../priorities/priority.dto';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import type { PortalViewer } from './portal-viewer';
import { callbackPhoneNumber } from '../phone-callbacks/phone-callback';

/** `status=open,awaiting-your-reply`: any of the values. */
const portalStatusList = z
  .string()
  .transform((list) => list.split(',').map((value) => value.trim()))
  .pipe(z.array(z.enum(portalStatuses)).min(1));

export const portalTicketListSchema = pageQuerySchema.extend({
  status: portalStatusList.optional(),
  /** `mine` (default): tickets the contact requested or is copied on; `organization`: all tickets of its organizations. */
  scope: z.enum(['mine', 'organization']).default('mine'),
  /** With `scope=organization`, one of the contact's organizations rather than all of them. */
  organizationId: z.uuid().optional(),
});

export type PortalTicketListDto = z.output<typeof portalTicketListSchema>;

const callbackPhone = z
  .string()
  .max(50)
  .transform(
    (raw, context) =>
      callbackPhoneNumber(raw) ??
      (context.addIssue({ code: 'custom', message: 'must be a phone number with its country code, such as +39 02 1234 5678' }), z.NEVER),
  );

/** A phone call instead of a written answer: the number, and the customer's consent to the call being recorded. */
export const phoneCallbackSchema = z.strictObject({
  phone: callbackPhone,
  recordingConsent: z.literal(true, 'the call is recorded: consent is required'),
});

/**
 * The portal's ticket form: department and feature (a category), priority, subject and description, a few files, and
 * optionally a phone call instead of a written answer.
 */
export const portalNewTicketSchema = z.strictObject({
  categoryId: z.uuid(),
  priority: z.enum(ticketPriorities).default('normal'),
  subject: z.string().trim().min(1).max(500),
  description: z.string().trim().min(1).max(100_000),
  /** Counted and measured against the settings by the service, which names the limit it refuses. */
  attachments: z.array(uploadedFileInput).max(100).default([]),
  phoneCallback: phoneCallbackSchema.optional(),
});

export type PortalNewTicketDto = z.output<typeof portalNewTicketSchema>;

export const portalReplySchema = z.strictObject({
  body: z.string().trim().min(1).max(100_000),
  /** As the ticket form's: counted and measured against the same limits by the service. */
  attachments: z.array(uploadedFileInput).max(100).default([]),
});

export type PortalReplyDto = z.output<typeof portalReplySchema>;

export const portalTicketSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  subject: z.string(),
  status: z.enum(portalStatuses),
  priority: z.enum(ticketPriorities),
  category: z.object({ department: z.string(), feature: z.string().nullable(), path: z.string() }).nullable(),
  requester: z.object({ name: z.string(), isYou: z.boolean() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  solvedAt: z.iso.datetime().nullable(),
});

export type PortalTicketSummaryDto = z.infer<typeof portalTicketSummarySchema>;

const portalMessageSchema = z.object({
  id: z.uuid(),
  author: z.object({ kind: z.string(), name: z.string(), isYou: z.boolean() }),
  bodyText: z.string(),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      downloadPath: z
        .string()
        .nullable()
        .describe('Where the portal serves the file; null for a file that came by mail (the mail service keeps it).'),
    }),
  ),
  createdAt: z.iso.datetime(),
});

export const portalTicketSchema = portalTicketSummarySchema
  .extend({
    followUpOf: z.uuid().nullable().describe('The earlier ticket this one carries on, when it was opened by a reply to a closed ticket.'),
    ccs: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
    messages: z.array(portalMessageSchema),
  })
  .meta({ id: 'PortalTicket' });

export type PortalTicketDto = z.infer<typeof portalTicketSchema>;

export const portalTicketFormSchema = z.object({
  categories: z.array(departmentResponseSchema),
  priorities: z.array(priorityDefinitionSchema),
  attachments: z.object({ maxCount: z.number().int(), maxTotalBytes: z.number().int() }),
  description: z
    .object({ guidance: z.array(z.object({ id: z.string(), text: z.string() })) })
    .describe('What a description should hold, the most important first; `id` is stable for translations.'),
  phoneCallback: z
    .object({ categoryIds: z.array(z.uuid()) })
    .describe('The categories (departments and features) whose tickets may ask for a phone call instead of a written answer.'),
});

export type PortalTicketFormDto = z.infer<typeof portalTicketFormSchema>;

export function toPortalTicketForm(
  categories: DepartmentDto[],
  priorities: readonly PriorityDefinition[],
  limits: AttachmentLimitsConfig,
  callbackCategoryIds: string[],
): PortalTicketFormDto {
  return {
    categories,
    priorities: [...priorities],
    attachments: { maxCount: limits.maxCount, maxTotalBytes: limits.maxTotalBytes },
    description: { guidance: [...descriptionGuidance] },
    phoneCallback: { categoryIds: callbackCategoryIds },
  };
}

/** What a customer sees of a ticket: never its assignee, tags, channel, internal notes, audit or mail diagnostics. */
export function toPortalTicketSummary(ticket: TicketEntity, viewer: PortalViewer): PortalTicketSummaryDto {
  const { category } = ticket;
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: portalStatusOf(ticket.status),
    priority: ticket.priority,
    category: category ? { department: category.department, feature: category.feature, path: categoryPath(category) } : null,
    requester: { name: ticket.requesterName, isYou: viewer.contactIds.includes(ticket.requesterContactId) },
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    solvedAt: ticket.solvedAt?.toISOString() ?? null,
  };
}

export function toPortalTicket(ticket: TicketEntity, publicMessages: TicketMessageEntity[], viewer: PortalViewer): PortalTicketDto {
  return {
    ...toPortalTicketSummary(ticket, viewer),
    followUpOf: ticket.linkKind === 'follow-up' ? ticket.linkedTicketId : null,
    ccs: ticket.ccs.map((cc) => ({ email: cc.email, name: cc.name })),
    messages: publicMessages.map((message) => toPortalMessage(message, viewer)),
  };
}

function toPortalMessage(message: TicketMessageEntity, viewer: PortalViewer): z.infer<typeof portalMessageSchema> {
  return {
    id: message.id,
    author: {
      kind: message.authorKind,
      name: message.authorName,
      isYou: message.authorContactId !== null && viewer.contactIds.includes(message.authorContactId),
    },
    bodyText: message.bodyText,
    attachments: message.attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      downloadPath: attachment.storage === 'tickets' ? `/portal/tickets/${message.ticketId}/attachments/${attachment.id}` : null,
    })),
    createdAt: message.createdAt.toISOString(),
  };
}
