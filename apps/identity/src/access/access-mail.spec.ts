import { outboundMailSchema } from '@helpgate/contracts';
import { accessMail, durationInWords } from './access-mail';

describe('accessMail', () => {
  const input = {
    requestId: '6f1b8a52-3f0e-4f3c-9a53-2b1d0e7c9a10',
    token: 'f00d',
    to: { address: 'jane@acme.test', name: 'Jane Doe' },
    fromAddress: 'support@helpgate.test',
    link: 'https://support.example.test/set-password?token=secret',
    linkValidFor: '1 hour',
    contactId: '0b6b6c2e-8a53-4c4f-9a0d-5c1f2d3e4f50',
  };

  it('is an automatic mail carrying the link and how long it works, with a Message-ID of ours', () => {
    const mail = accessMail({ ...input, purpose: 'password_reset' });
    expect(outboundMailSchema.parse(mail)).toEqual(mail);
    expect(mail).toMatchObject({
      kind: 'notification',
      autoSubmitted: 'auto-generated',
      to: [input.to],
      messageId: '<hg.access.f00d@helpgate.test>',
      contactId: input.contactId,
    });
    expect(mail.text).toContain(input.link);
    expect(mail.text).toContain('within 1 hour');
  });

  it('words each purpose differently', () => {
    const subjects = (['agent_invitation', 'password_reset', 'email_verification'] as const).map(
      (purpose) => accessMail({ ...input, purpose }).subject,
    );
    expect(new Set(subjects).size).toBe(3);
  });
});

describe('durationInWords', () => {
  it('speaks in hours when it can, else minutes', () => {
    expect(durationInWords(3600)).toBe('1 hour');
    expect(durationInWords(72 * 3600)).toBe('72 hours');
    expect(durationInWords(30 * 60)).toBe('30 minutes');
  });
});
