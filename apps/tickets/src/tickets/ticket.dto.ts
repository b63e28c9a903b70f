import { z } from 'zod';
import { ticketStatuses } from '@helpgate/contracts';
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
  requester: { contactId: string; email: string; name: string };
  organization: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessageDto {
  id: string;
  visibility: string;
  author: { contactId: string | null; email: string | null; name: string };
  bodyText: string;
  mailMessageId: string | null;
  createdAt: string;
}

export interface TicketDetailDto extends TicketSummaryDto {
  messages: TicketMessageDto[];
}

export function toTicketSummary(ticket: TicketEntity): TicketSummaryDto {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    channel: ticket.channel,
    requester: { contactId: ticket.requesterContactId, email: ticket.requesterEmail, name: ticket.requesterName },
    organization: { id: ticket.organizationId, name: ticket.organizationName },
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTicketDetail(ticket: TicketEntity): TicketDetailDto {
  return { ...toTicketSummary(ticket), messages: ticket.messages.map(toTicketMessage) };
}

function toTicketMessage(message: TicketMessageEntity): TicketMessageDto {
  return {
    id: message.id,
    visibility: message.visibility,
    author: { contactId: message.authorContactId, email: message.authorEmail, name: message.authorName },
    bodyText: message.bodyText,
    mailMessageId: message.mailMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}
