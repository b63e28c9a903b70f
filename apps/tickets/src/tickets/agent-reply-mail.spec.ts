import { agentReplyMail, replyThreading } from './agent-reply-mail';

describe('replyThreading', () => {
  it('answers the newest mail of the conversation and references all of it', () => {
    expect(replyThreading(['<a@x>', '<b@x>', '<c@x>'])).toEqual({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] });
  });

  it('starts no thread when the ticket has no mail yet', () => {
    expect(replyThreading([])).toEqual({ references: [] });
  });

  it('keeps the root and the 49 newest of a long conversation', () => {
    const thread = Array.from({ length: 80 }, (_, index) => `<m${index}@x>`);
    const { references } = replyThreading(thread);
    expect(references).toHaveLength(50);
    expect(references[0]).toBe('<m0@x>');
    expect(references[1]).toBe('<m31@x>');
    expect(references[49]).toBe('<m79@x>');
  });
});

describe('agentReplyMail', () => {
  const input = {
    requestId: '6f1c0a52-3a7b-4c1e-9d4f-2b8e7a6c5d4e',
    messageId: '<hg.reply@helpgate.test>',
    ticket: { id: '3f2b8c1e-9d4a-4b6e-8f00-1a2b3c4d5e6f', number: 42, subject: 'Cannot sign in' },
    requester: { contactId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', email: 'jane@acme.test', name: 'Jane Doe' },
    ccs: [{ address: 'bob@acme.test', name: 'Bob' }, { address: 'JANE@acme.test' }],
    supportAddress: 'support@helpgate.test',
    supportName: 'Acme Support',
    replyAddress: 'support+t1.sig@helpgate.test',
    text: 'Please clear your cookies.',
    thread: ['<m1@acme.test>', '<hg.ack@helpgate.test>'],
  };
  const mail = agentReplyMail(input);

  it('goes to the requester, copied to the CCs but never to the requester twice, from the support address', () => {
    expect(mail).toMatchObject({
      kind: 'reply',
      from: { address: 'support@helpgate.test', name: 'Acme Support' },
      replyTo: { address: 'support+t1.sig@helpgate.test' },
      to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
      cc: [{ address: 'bob@acme.test', name: 'Bob' }],
      autoSubmitted: 'no',
      text: 'Please clear your cookies.',
    });
  });

  it('is threaded to the conversation, with the ticket number in the subject', () => {
    expect(mail).toMatchObject({
      subject: '[#42] Re: Cannot sign in',
      messageId: '<hg.reply@helpgate.test>',
      inReplyTo: '<hg.ack@helpgate.test>',
      references: ['<m1@acme.test>', '<hg.ack@helpgate.test>'],
    });
  });

  it("takes a template's subject, keeping the ticket number, and marks a rule's mail as automatic", () => {
    expect(agentReplyMail({ ...input, subject: 'Your support portal access', automatic: true })).toMatchObject({
      subject: '[#42] Your support portal access',
      autoSubmitted: 'auto-generated',
      inReplyTo: '<hg.ack@helpgate.test>',
    });
  });
});
