import { randomUUID } from 'node:crypto';
import {
  CustomerSuccessRequest,
  EmailInboundAcceptedV1,
  EmailInboundReceivedV2,
  EmailOutboundDeliveredV1,
  EmailOutboundFailedV1,
  EmailOutboundRequestedV1,
  EventEnvelope,
  IdentityAccessMailFailedV1,
  IdentityAccessMailRequestedV1,
  IdentityAgentChangedV1,
  IdentityContactAnonymizedV2,
  IdentityContactChangedV1,
  IdentityContactMergedV1,
  IdentityCustomerSuccessRequesterResolvedV1,
  IdentityOrganizationChangedV1,
  IdentityRequesterResolvedV2,
  InboundMail,
  OutboundMail,
  Requester,
  TicketsCustomerSuccessSubmittedV1,
  TicketSnapshot,
  TicketsTicketChangedV3,
} from '@helpgate/contracts';

/** A valid inbound-mail payload as email-ingest would publish it; tests override what they vary. */
export function inboundMail(overrides: Partial<InboundMail> = {}): InboundMail {
  const address = overrides.from?.address ?? 'jane@acme.test';
  return {
    inboundMessageId: randomUUID(),
    messageId: `<${randomUUID()}@${address.split('@')[1]}>`,
    references: [],
    from: { address, name: 'Jane Doe' },
    to: [{ address: 'support@helpgate.test' }],
    cc: [],
    supportAddress: 'support@helpgate.test',
    subject: 'Cannot sign in',
    text: overrides.text ?? 'Hello, I cannot sign in.',
    textTruncated: false,
    attachments: [],
    isAutomated: false,
    authentication: { spf: 'none', dkim: 'none', dmarc: 'none' },
    rawMessage: { sha256: 'a'.repeat(64), sizeBytes: 120 },
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function emailInboundReceived(mail: InboundMail): EmailInboundReceivedV2 {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail };
}

/**
 * A valid `email.inbound.accepted` record of a message that was never stored (its storing transaction is long
 * gone): email-ingest takes it and, finding no receipt, skips it.
 */
export function emailInboundAcceptedNeverStored(): EmailInboundAcceptedV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    message: {
      inboundMessageId: randomUUID(),
      rawMessage: { sha256: '0'.repeat(64), sizeBytes: 0 },
      envelope: { mailFrom: 'nobody@never-stored.test', rcptTo: ['support@helpgate.test'] },
      session: { remoteAddress: null, heloName: null },
      supportAddress: 'support@helpgate.test',
      receivedAt: new Date().toISOString(),
      storedInTransaction: '3',
    },
  };
}

export function requesterResolved(mail: InboundMail, requester: Requester): IdentityRequesterResolvedV2 {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail, requester };
}

/** A valid `tickets.ticket.changed` payload for a ticket just opened from mail; tests override what they vary. */
export function ticketChanged(
  ticket: Partial<TicketSnapshot> = {},
  overrides: Partial<TicketsTicketChangedV3> = {},
): TicketsTicketChangedV3 {
  const now = new Date().toISOString();
  return {
    eventId: randomUUID(),
    occurredAt: now,
    change: 'created',
    actor: { type: 'system' },
    changes: [],
    ticket: {
      id: randomUUID(),
      number: 1,
      subject: 'Cannot sign in',
      status: 'new',
      priority: 'normal',
      category: null,
      channel: 'email',
      requesterContactId: randomUUID(),
      requesterEmail: 'jane@acme.test',
      organizationId: randomUUID(),
      assigneeId: null,
      tags: [],
      linkedTicket: null,
      createdAt: now,
      updatedAt: now,
      firstResponseAt: null,
      solvedAt: null,
      ...ticket,
    },
    ...overrides,
  };
}

/** identity's description of a contact, as it publishes it when one is created or changed. */
export function contactChanged(contact: Requester): IdentityContactChangedV1 {
  const { contactId, ...facts } = contact;
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), change: 'created', contact: { id: contactId, ...facts } };
}

/** identity's description of an agent, as it publishes it when one is added or changed; tests override what they vary. */
export function agentChanged(agent: Partial<IdentityAgentChangedV1['agent']> = {}): IdentityAgentChangedV1 {
  const id = agent.id ?? randomUUID();
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    agent: {
      id,
      name: 'Alex Agent',
      email: `agent-${id}@helpgate.test`,
      role: 'agent',
      languages: ['en'],
      chatCapacity: 3,
      active: true,
      ...agent,
    },
  };
}

/** The id and time every event carries, fresh for each event built. */
export function envelope(): EventEnvelope {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString() };
}

/** A request to send a reply, as tickets would publish it; tests override what they vary. */
export function outboundRequested(overrides: Partial<OutboundMail> = {}): EmailOutboundRequestedV1 {
  const requestId = randomUUID();
  return {
    ...envelope(),
    mail: {
      requestId,
      kind: 'reply',
      from: { address: 'support@helpgate.test', name: 'Helpgate Support' },
      to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
      cc: [],
      subject: 'Re: Cannot sign in',
      text: 'Please try again now.',
      messageId: `<${requestId}@helpgate.test>`,
      references: [],
      autoSubmitted: 'no',
      attachmentIds: [],
      ...overrides,
    },
  };
}

/** What email-ingest says about a request whatever became of it. */
function outcomeOf({ mail }: EmailOutboundRequestedV1) {
  return { ...envelope(), requestId: mail.requestId, messageId: mail.messageId, kind: mail.kind };
}

export function outboundDelivered(request: EmailOutboundRequestedV1): EmailOutboundDeliveredV1 {
  return {
    ...outcomeOf(request),
    acceptedRecipients: request.mail.to.map((mailbox) => mailbox.address),
    relayResponse: '250 2.0.0 Ok',
    deliveredAt: new Date().toISOString(),
  };
}

export function outboundFailed(request: EmailOutboundRequestedV1): EmailOutboundFailedV1 {
  return {
    ...outcomeOf(request),
    source: 'relay',
    permanent: false,
    recipients: request.mail.to.map((mailbox) => mailbox.address),
    error: 'Connection refused',
    failedAt: new Date().toISOString(),
  };
}

/** Another service asking identity to mail the contact, as tickets would for a reply naming `{{portal.*}}`. */
export function accessMailRequested(contactId: string): IdentityAccessMailRequestedV1 {
  const { to: _to, ...mail } = outboundRequested().mail;
  return { ...envelope(), contactId, mail };
}

/** identity could not send an access mail: the contact is unknown to it. */
export function accessMailFailed(contactId: string): IdentityAccessMailFailedV1 {
  return { ...envelope(), requestId: randomUUID(), contactId, reason: 'contact_unknown', failedAt: new Date().toISOString() };
}

/** An organization with a support contract until `activeUntil` (an ISO day), or none. */
export function organizationChanged(activeUntil: string | null = null): IdentityOrganizationChangedV1 {
  return { ...envelope(), organization: { id: randomUUID(), name: 'Acme', supportContractActiveUntil: activeUntil } };
}

export function contactMerged(survivorId: string, mergedAwayId: string): IdentityContactMergedV1 {
  return { ...envelope(), survivorId, mergedAwayId };
}

export function contactAnonymized(
  contactId: string,
  erased: IdentityContactAnonymizedV2['erased'] = { emails: [], names: [] },
): IdentityContactAnonymizedV2 {
  return { ...envelope(), contactId, name: 'Deleted contact', erased };
}

/** A valid "contact customer success" request as tickets accepts it; tests override what they vary. */
export function customerSuccessRequest(overrides: Partial<CustomerSuccessRequest> = {}): CustomerSuccessRequest {
  return {
    submissionId: randomUUID(),
    email: `cs-${randomUUID()}@customer.test`,
    name: null,
    categoryId: randomUUID(),
    priority: 'normal',
    message: 'We would like to talk about our renewal.',
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function customerSuccessSubmitted(request: CustomerSuccessRequest): TicketsCustomerSuccessSubmittedV1 {
  return { ...envelope(), request };
}

export function customerSuccessRequesterResolved(
  request: CustomerSuccessRequest,
  requester: Requester,
): IdentityCustomerSuccessRequesterResolvedV1 {
  return { ...envelope(), request, requester };
}
