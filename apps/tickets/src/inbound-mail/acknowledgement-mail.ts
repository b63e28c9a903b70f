import type { OutboundMail } from '@helpgate/contracts';
import { subjectWithTicketToken } from '../domain/thread-matching';

export interface AcknowledgementInput {
  requestId: string;
  messageId: string;
  ticket: { id: string; number: number; subject: string };
  requester: { contactId: string; email: string; name: string };
  /** The support address the customer wrote to; the acknowledgement comes from it. */
  supportAddress: string;
  supportName: string;
  /** The per-ticket reply address, so a reply finds its ticket whatever the client does to headers. */
  replyAddress: string;
  /** The customer's mail, which the acknowledgement answers; none for a ticket that did not come by mail (a chat). */
  answers?: { messageId: string; references: string[] };
}

/** The mail telling a customer their request arrived and which ticket number it has. */
export function acknowledgementMail(input: AcknowledgementInput): OutboundMail {
  const { ticket, requester, answers } = input;
  const token = `[#${ticket.number}]`;
  return {
    requestId: input.requestId,
    kind: 'acknowledgement',
    from: { address: input.supportAddress, name: input.supportName },
    replyTo: { address: input.replyAddress, name: input.supportName },
    to: [{ address: requester.email, name: requester.name }],
    cc: [],
    subject: subjectWithTicketToken(answers ? `Re: ${ticket.subject}` : ticket.subject, ticket.number),
    text: [
      `Hello ${requester.name},`,
      '',
      `we have received your request and opened ticket #${ticket.number}: "${ticket.subject}".`,
      'An agent will answer you as soon as possible.',
      `To add anything, reply to this mail and keep ${token} in the subject.`,
      '',
      input.supportName,
    ].join('\n'),
    messageId: input.messageId,
    ...(answers ? { inReplyTo: answers.messageId } : {}),
    references: answers ? [...answers.references, answers.messageId].slice(-50) : [],
    autoSubmitted: 'auto-replied',
    attachmentIds: [],
    ticketId: ticket.id,
    contactId: requester.contactId,
  };
}
