import { randomUUID } from 'node:crypto';
import { EmailInboundReceivedV1, IdentityRequesterResolvedV1, InboundMail, Requester } from '@helpgate/contracts';

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
    replyText: overrides.text ?? 'Hello, I cannot sign in.',
    attachments: [],
    isAutomated: false,
    authentication: { spf: 'none', dkim: 'none', dmarc: 'none' },
    rawMessage: { sha256: 'a'.repeat(64), sizeBytes: 120 },
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function emailInboundReceived(mail: InboundMail): EmailInboundReceivedV1 {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail };
}

export function requesterResolved(mail: InboundMail, requester: Requester): IdentityRequesterResolvedV1 {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail, requester };
}
