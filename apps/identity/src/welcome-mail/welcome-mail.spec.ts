import { outboundMailSchema } from '@helpgate/contracts';
import { shouldReceiveWelcomeMail, welcomeMail, WelcomeMailInput } from './welcome-mail';

describe('shouldReceiveWelcomeMail', () => {
  const on = { sendWelcomeMail: true };
  const newContact = { source: 'email' as const, welcomeMailSentAt: null };

  it('greets a new contact from mail, from a chat visitor or created by an agent when welcome mail is on', () => {
    expect(shouldReceiveWelcomeMail(on, newContact)).toBe(true);
    expect(shouldReceiveWelcomeMail(on, { ...newContact, source: 'chat' })).toBe(true);
    expect(shouldReceiveWelcomeMail(on, { ...newContact, source: 'agent' })).toBe(true);
  });

  it('greets nobody while welcome mail is off', () => {
    expect(shouldReceiveWelcomeMail({ sendWelcomeMail: false }, newContact)).toBe(false);
  });

  it('never greets imported contacts', () => {
    expect(shouldReceiveWelcomeMail(on, { ...newContact, source: 'import' })).toBe(false);
  });

  it('never greets a contact twice', () => {
    expect(shouldReceiveWelcomeMail(on, { ...newContact, welcomeMailSentAt: new Date() })).toBe(false);
  });
});

describe('welcomeMail', () => {
  const input: WelcomeMailInput = {
    requestId: '6f1b8a52-3f0e-4f3c-9a53-2b1d0e7c9a10',
    token: 'abc123',
    contactId: '0b6b6c2e-8a53-4c4f-9a0d-5c1f2d3e4f50',
    contactName: 'Jane Doe',
    email: 'jane@acme.test',
    organizationName: 'Acme',
    setPasswordLink: 'https://support.example.test/set-password?token=one-time',
    settings: {
      welcomeTemplate: {
        subject: 'Welcome to {{organization.name}}',
        body: 'Hi {{contact.name}}, see {{portal.url}} as {{portal.username}}; password: {{portal.setPasswordLink}}',
      },
      portalUrl: 'https://support.example.test',
      welcomeFromAddress: 'support@helpgate.test',
    },
  };

  it('is an automatic mail to the contact, rendered from the template, with a Message-ID of ours', () => {
    const mail = welcomeMail(input);
    expect(mail).toMatchObject({
      kind: 'welcome',
      autoSubmitted: 'auto-generated',
      from: { address: 'support@helpgate.test' },
      to: [{ address: 'jane@acme.test', name: 'Jane Doe' }],
      subject: 'Welcome to Acme',
      text: 'Hi Jane Doe, see https://support.example.test as jane@acme.test; password: https://support.example.test/set-password?token=one-time',
      messageId: '<hg.welcome.abc123@helpgate.test>',
      contactId: input.contactId,
    });
    expect(outboundMailSchema.parse(mail)).toEqual(mail);
  });
});
