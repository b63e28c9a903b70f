import { AcknowledgementInput, acknowledgementMail } from './acknowledgement-mail';

describe('acknowledgementMail', () => {
  const input: AcknowledgementInput = {
    requestId: '6f1c0a52-3a7b-4c1e-9d4f-2b8e7a6c5d4e',
    messageId: '<hg.x@helpgate.test>',
    ticket: { id: '3f2b8c1e-9d4a-4b6e-8f00-1a2b3c4d5e6f', number: 42, subject: 'Cannot sign in' },
    requester: { contactId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', email: 'jane@acme.test', name: 'Jane Doe' },
    supportAddress: 'support@helpgate.test',
    supportName: 'Acme Support',
    replyAddress: 'support+t1.sig@helpgate.test',
    answers: { messageId: '<m2@acme.test>', references: ['<m1@acme.test>'] },
  };
  const mail = acknowledgementMail(input);

  it('answers the customer from the support address, threaded to their mail', () => {
    expect(mail).toMatchObject({
      kind: 'acknowledgement',
      from: { address: 'support@helpgate.test', name: 'Acme Support' },
      replyTo: { address: 'support+t1.sig@helpgate.test' },
      to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
      subject: '[#42] Re: Cannot sign in',
      inReplyTo: '<m2@acme.test>',
      references: ['<m1@acme.test>', '<m2@acme.test>'],
      autoSubmitted: 'auto-replied',
    });
  });

  it('names the ticket number and how to reply', () => {
    expect(mail.text).toContain('ticket #42');
    expect(mail.text).toContain('[#42]');
  });

  it('starts a thread of its own for a ticket that did not come by mail', () => {
    const started = acknowledgementMail({ ...input, answers: undefined });
    expect(started).toMatchObject({ subject: '[#42] Cannot sign in', references: [], replyTo: { address: 'support+t1.sig@helpgate.test' } });
    expect(started).not.toHaveProperty('inReplyTo');
  });
});
