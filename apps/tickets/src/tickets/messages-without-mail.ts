import type { NewTicketMessage } from './tickets.repository';

type SystemMessageFields = Pick<NewTicketMessage, 'authorName' | 'visibility' | 'direction' | 'bodyText'> & Partial<NewTicketMessage>;

/** A message Helpgate itself adds to a ticket (an acknowledgement, a warning): no customer mail behind it. */
export function systemMessage(fields: SystemMessageFields): NewTicketMessage {
  return {
    mailMessageId: null,
    inboundMessageId: null,
    authorContactId: null,
    authorEmail: null,
    authorKind: 'system',
    fullText: null,
    bodyHtml: null,
    attachments: [],
    automatedKind: null,
    authentication: null,
    rawMessageSha256: null,
    outboundRequestId: null,
    deliveryStatus: null,
    deliveryError: null,
    ...fields,
  };
}
