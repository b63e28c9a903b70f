import type { Mailbox, OutboundMail } from '@helpgate/contracts';
import { subjectWithTicketToken } from '../domain/thread-matching';

const maxReferences = 50;

export interface AgentReplyInput {
  requestId: string;
  messageId: string;
  ticket: { id: string; number: number; subject: string };
  requester: { contactId: string; email: string; name: string };
  ccs: Mailbox[];
  supportAddress: string;
  supportName: string;
  /** The per-ticket reply address, so the customer's answer finds the ticket whatever their client does to headers. */
  replyAddress: string;
  text: string;
  /** Without the ticket token; by default "Re: " and the ticket's subject (a reply template may name its own). */
  subject?: string;
  /** Sent by an automation rule rather than a person: marked so that auto-responders leave it unanswered. */
  automatic?: boolean;
  /** The Message-IDs of the conversation's public mails so far, oldest first. */
  thread: string[];
}

/**
 * In-Reply-To and References for a mail continuing a conversation: it answers the newest mail, and its references
 * keep the first mail (the root mail clients thread on) and the newest ones, within what clients accept.
 */
export function replyThreading(thread: readonly string[]): { inReplyTo?: string; references: string[] } {
  if (thread.length === 0) return { references: [] };
  const references = thread.length <= maxReferences ? [...thread] : [thread[0], ...thread.slice(-(maxReferences - 1))];
  return { inReplyTo: thread[thread.length - 1], references };
}

/**
 * A public reply on a ticket (an agent's, or a template a rule mails) as mail to the requester, copied to the CCs given,
 * threaded into the conversation.
 */
export function agentReplyMail(input: AgentReplyInput): OutboundMail {
  const requesterAddress = input.requester.email.toLowerCase();
  return {
    requestId: input.requestId,
    kind: 'reply',
    from: { address: input.supportAddress, name: input.supportName },
    replyTo: { address: input.replyAddress, name: input.supportName },
    to: [{ address: input.requester.email, name: input.requester.name }],
    cc: input.ccs.filter((cc) => cc.address.toLowerCase() !== requesterAddress),
    subject: subjectWithTicketToken(input.subject ?? `Re: ${input.ticket.subject}`, input.ticket.number),
    text: input.text,
    messageId: input.messageId,
    ...replyThreading(input.thread),
    autoSubmitted: input.automatic ? 'auto-generated' : 'no',
    attachmentIds: [],
    ticketId: input.ticket.id,
    contactId: input.requester.contactId,
  };
}
