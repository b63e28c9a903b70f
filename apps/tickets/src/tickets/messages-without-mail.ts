import type { NewTicketMessage } from './tickets.repository';

type MessageFields = Pick<NewTicketMessage, 'authorName' | 'visibility' | 'direction' | 'bodyText'> & Partial<NewTicketMessage>;

const noMail = {
  mailMessageId: null,
  inboundMessageId: null,
  authorAgentId: null,
  authorRuleId: null,
  authorContactId: null,
  authorEmail: null,
  fullText: null,
  bodyHtml: null,
  attachments: [],
  automatedKind: null,
  authentication: null,
  rawMessageSha256: null,
  outboundRequestId: null,
  deliveryStatus: null,
  deliveryError: null,
} satisfies Partial<NewTicketMessage>;

/** A message Helpgate itself adds to a ticket (an acknowledgement, a warning): no customer mail behind it. */
export function systemMessage(fields: MessageFields): NewTicketMessage {
  return { ...noMail, authorKind: 'system', ...fields };
}

/** A message an automation rule writes: a mailed template or an internal note, by Helpgate on the rule's behalf. */
export function ruleMessage(ruleId: string, fields: MessageFields): NewTicketMessage {
  return { ...noMail, authorKind: 'system', authorRuleId: ruleId, ...fields };
}

/** A message an agent writes on a ticket: a public reply or an internal note. */
export function agentMessage(agentId: string, fields: MessageFields): NewTicketMessage {
  return { ...noMail, authorKind: 'agent', authorAgentId: agentId, ...fields };
}

/** What the requester asks, given through the API (by the customer or by an agent for them) rather than by mail. */
export function requesterMessage(requester: { contactId: string; email: string }, fields: MessageFields): NewTicketMessage {
  return { ...noMail, authorKind: 'requester', authorContactId: requester.contactId, authorEmail: requester.email, ...fields };
}
