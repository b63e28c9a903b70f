import { z } from 'zod';
import { AttachmentRef, MailAuthentication, ticketStatuses } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

export const ticketSearchSchema = pageQuerySchema.extend({
  requesterEmail: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .transform((email) => email.toLowerCase())
    .optional(),
  status: z.enum(ticketStatuses).optional(),
});

export type TicketSearchDto = z.output<typeof ticketSearchSchema>;

export interface TicketSummaryDto {
  id: string;
  number: number;
  subject: string;
  status: string;
  channel: string;
  category: string | null;
  linkedTicket: { id: string; kind: string } | null;
  requester: { contactId: string; email: string; name: string };
  organization: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessageDto {
  id: string;
  visibility: string;
  direction: string;
  author: { kind: string; contactId: string | null; email: string | null; name: string };
  bodyText: string;
  fullText: string | null;
  bodyHtml: string | null;
  attachments: AttachmentRef[];
  automatedKind: string | null;
  authentication: MailAuthentication | null;
  delivery: { status: string; error: string | null } | null;
  mailMessageId: string | null;
  createdAt: string;
}

export interface TicketDetailDto extends TicketSummaryDto {
  ccs: { email: string; name: string | null }[];
  messages: TicketMessageDto[];
}

export function toTicketSummary(ticket: TicketEntity): TicketSummaryDto {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    channel: ticket.channel,
    category: ticket.category,
    linkedTicket: ticket.linkedTicketId && ticket.linkKind ? { id: ticket.linkedTicketId, kind: ticket.linkKind } : null,
    requester: { contactId: ticket.requesterContactId, email: ticket.requesterEmail, name: ticket.requesterName },
    organization: { id: ticket.organizationId, name: ticket.organizationName },
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTicketDetail(ticket: TicketEntity): TicketDetailDto {
  return {
    ...toTicketSummary(ticket),
    ccs: ticket.ccs.map((cc) => ({ email: cc.email, name: cc.name })),
    messages: ticket.messages.map(toTicketMessage),
  };
}

function toTicketMessage(message: TicketMessageEntity): TicketMessageDto {
  return {
    id: message.id,
    visibility: message.visibility,
    direction: message.direction,
    author: { kind: message.authorKind, contactId: message.authorContactId, email: message.authorEmail, name: message.authorName },
    bodyText: message.bodyText,
    fullText: message.fullText,
    bodyHtml: message.bodyHtml,
    attachments: message.attachments,
    automatedKind: message.automatedKind,
    authentication: message.authentication,
    delivery: message.deliveryStatus ? { status: message.deliveryStatus, error: message.deliveryError } : null,
    mailMessageId: message.mailMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}
