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
  /** The customer's mail, which the acknowledgement answers. */
  answers: { messageId: string; references: string[] };
}

/** The mail telling a customer their request arrived and which ticket number it has. */
export function acknowledgementMail(input: AcknowledgementInput): OutboundMail {
  const { ticket, requester } = input;
  const token = `[#${ticket.number}]`;
  return {
    requestId: input.requestId,
    kind: 'acknowledgement',
    from: { address: input.supportAddress, name: input.supportName },
    replyTo: { address: input.replyAddress, name: input.supportName },
    to: [{ address: requester.email, name: requester.name }],
    cc: [],
    subject: subjectWithTicketToken(`Re: ${ticket.subject}`, ticket.number),
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
    inReplyTo: input.answers.messageId,
    references: [...input.answers.references, input.answers.messageId].slice(-50),
    autoSubmitted: 'auto-replied',
    attachmentIds: [],
    ticketId: ticket.id,
    contactId: requester.contactId,
  };
}
