import { randomUUID } from 'node:crypto';
import type { OutboundMail } from '@helpgate/contracts';
import { toRelayMessage, UnsendableMailError } from './relay-message';

const invoiceId = 'a'.repeat(64);

function request(overrides: Partial<OutboundMail> = {}): OutboundMail {
  return {
    requestId: randomUUID(),
    kind: 'reply',
    from: { address: 'support@helpgate.test', name: 'Helpgate Support' },
    to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
    cc: [],
    subject: 'Re: Cannot sign in',
    text: 'Try again now.',
    messageId: '<t1.r1@helpgate.test>',
    references: [],
    autoSubmitted: 'no',
    attachmentIds: [],
    ...overrides,
  };
}

describe('toRelayMessage', () => {
  it('keeps the requested Message-ID, threading headers, addresses and bodies', () => {
    const message = toRelayMessage(
      request({
        replyTo: { address: 'support+t1@helpgate.test' },
        cc: [{ address: 'bob@acme.test' }],
        html: '<p>Try again now.</p>',
        inReplyTo: '<q1@acme.test>',
        references: ['<q0@acme.test>', '<q1@acme.test>'],
      }),
      [],
    );
    expect(message).toEqual({
      from: { address: 'support@helpgate.test', name: 'Helpgate Support' },
      replyTo: { address: 'support+t1@helpgate.test' },
      to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
      cc: [{ address: 'bob@acme.test' }],
      subject: 'Re: Cannot sign in',
      text: 'Try again now.',
      html: '<p>Try again now.</p>',
      messageId: '<t1.r1@helpgate.test>',
      inReplyTo: '<q1@acme.test>',
      references: ['<q0@acme.test>', '<q1@acme.test>'],
      headers: {},
      attachments: [],
    });
  });

  it('marks automatic mail as such and asks auto-responders not to answer it', () => {
    expect(toRelayMessage(request({ kind: 'acknowledgement', autoSubmitted: 'auto-replied' }), []).headers).toEqual({
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
    });
    expect(toRelayMessage(request({ autoSubmitted: 'auto-generated' }), []).headers).toMatchObject({ 'Auto-Submitted': 'auto-generated' });
  });

  it('attaches stored attachments in the requested order', () => {
    const logoId = 'b'.repeat(64);
    const stored = [
      { sha256: logoId, filename: 'logo.png', contentType: 'image/png', content: Buffer.from('png') },
      { sha256: invoiceId, filename: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('pdf') },
    ];
    expect(toRelayMessage(request({ attachmentIds: [invoiceId, logoId] }), stored).attachments).toEqual([
      { filename: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('pdf') },
      { filename: 'logo.png', contentType: 'image/png', content: Buffer.from('png') },
    ]);
  });

  it('refuses a request naming an attachment that is not stored', () => {
    expect(() => toRelayMessage(request({ attachmentIds: [invoiceId] }), [])).toThrow(UnsendableMailError);
  });
});
