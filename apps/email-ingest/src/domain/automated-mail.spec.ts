import { isAutomatedMail } from './automated-mail';

const person = { envelopeFrom: 'jane@acme.test', fromAddress: 'jane@acme.test' };

describe('isAutomatedMail', () => {
  it('treats a mail a person wrote as human', () => {
    expect(isAutomatedMail({ ...person, headers: new Map([['auto-submitted', 'no']]) })).toBe(false);
  });

  it('treats the null envelope sender (a bounce) as automated', () => {
    expect(isAutomatedMail({ ...person, envelopeFrom: null, headers: new Map() })).toBe(true);
  });

  it('recognises robot sender addresses', () => {
    expect(isAutomatedMail({ ...person, fromAddress: 'MAILER-DAEMON@mx.acme.test', headers: new Map() })).toBe(true);
    expect(isAutomatedMail({ ...person, fromAddress: 'no-reply@acme.test', headers: new Map() })).toBe(true);
    expect(isAutomatedMail({ ...person, fromAddress: 'noreen@acme.test', headers: new Map() })).toBe(false);
  });

  it.each([
    ['auto-submitted', 'auto-replied'],
    ['precedence', 'bulk'],
    ['x-autoreply', 'yes'],
    ['list-id', 'Announcements <announce.acme.test>'],
    ['x-auto-response-suppress', 'OOF, AutoReply'],
  ])('recognises the %s header', (name, value) => {
    expect(isAutomatedMail({ ...person, headers: new Map([[name, value]]) })).toBe(true);
  });

  it('reads structured header values as mailparser gives them', () => {
    expect(isAutomatedMail({ ...person, headers: new Map([['auto-submitted', { value: 'auto-generated', params: {} }]]) })).toBe(true);
  });
});
