import { z } from 'zod';
import { ticketPriorities } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import type { AttachmentLimitsConfig } from '../config';
import type { DepartmentDto } from '../categories/category.dto';
import { categoryPath } from '../domain/category-label';
import { portalStatuses, portalStatusOf, PortalStatus } from './portal-status';
import type { PriorityDefinition } from '../domain/priorities';
import { attachmentInput } from '../tickets/ticket.dto';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import type { PortalViewer } from './portal-viewer';

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

/** The portal's ticket form: department and feature (a category), priority, subject and description, a few files. */
export const portalNewTicketSchema = z.strictObject({
  categoryId: z.uuid(),
  priority: z.enum(ticketPriorities).default('normal'),
  subject: z.string().trim().min(1).max(500),
  description: z.string().trim().min(1).max(100_000),
  /** Counted and measured against the settings by the service, which names the limit it refuses. */
  attachments: z.array(attachmentInput).max(100).default([]),
});

export type PortalNewTicketDto = z.output<typeof portalNewTicketSchema>;

export const portalReplySchema = z.strictObject({ body: z.string().trim().min(1).max(100_000) });

export type PortalReplyDto = z.output<typeof portalReplySchema>;

export interface PortalTicketSummaryDto {
  id: string;
  number: number;
  subject: string;
  status: PortalStatus;
  priority: string;
  category: { department: string; feature: string | null; path: string } | null;
  requester: { name: string; isYou: boolean };
  createdAt: string;
  updatedAt: string;
  solvedAt: string | null;
}

export interface PortalAttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Where the portal serves the file; null for a file that came by mail (the mail service keeps it). */
  downloadPath: string | null;
}

export interface PortalMessageDto {
  id: string;
  author: { kind: string; name: string; isYou: boolean };
  bodyText: string;
  attachments: PortalAttachmentDto[];
  createdAt: string;
}

export interface PortalTicketDto extends PortalTicketSummaryDto {
  /** The earlier ticket this one carries on, when it was opened by a reply to a closed ticket. */
  followUpOf: string | null;
  ccs: { email: string; name: string | null }[];
  messages: PortalMessageDto[];
}

export interface PortalTicketFormDto {
  categories: DepartmentDto[];
  priorities: readonly PriorityDefinition[];
  attachments: { maxCount: number; maxTotalBytes: number };
}

export function toPortalTicketForm(
  categories: DepartmentDto[],
  priorities: readonly PriorityDefinition[],
  limits: AttachmentLimitsConfig,
): PortalTicketFormDto {
  return { categories, priorities, attachments: { maxCount: limits.maxCount, maxTotalBytes: limits.maxTotalBytes } };
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

function toPortalMessage(message: TicketMessageEntity, viewer: PortalViewer): PortalMessageDto {
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
