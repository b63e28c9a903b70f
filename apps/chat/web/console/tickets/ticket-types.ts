/** What tickets' API answers (apps/tickets/src/tickets/ticket.dto.ts), as far as the console shows it. */
export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  category: { id: string; path: string } | null;
  linkedTicket: { id: string; kind: string } | null;
  requester: { contactId: string; email: string | null; name: string };
  organization: { id: string; name: string };
  assigneeId: string | null;
  assignee: { id: string; name: string | null } | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface TicketAttachment {
  id: string;
  filename: string;
  storage: 'email-ingest' | 'tickets' | 'chat';
  downloadUrl?: string;
}

export interface TicketMessage {
  id: string;
  visibility: 'public' | 'internal';
  direction: string;
  author: { kind: string; name: string; email: string | null };
  bodyText: string;
  attachments: TicketAttachment[];
  authentication: { spf: string; dkim: string; dmarc: string } | null;
  delivery: { status: string; error: string | null } | null;
  createdAt: string;
}

export interface TicketDetail extends TicketSummary {
  messages: TicketMessage[];
  callbackRequest: { phone: string } | null;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { type: 'agent' | 'contact' | 'rule' | 'system'; id?: string };
  changes: { field: string; from: unknown; to: unknown }[];
  occurredAt: string;
}

export interface Page<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}

export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
