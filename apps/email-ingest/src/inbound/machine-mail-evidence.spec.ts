import { concernsOurMail, MachineMailEvidence, referencedMessageIds } from './machine-mail-evidence';

const none: MachineMailEvidence = { subject: 'Out of office', references: [], recipients: ['support@helpgate.test'] };
const context = { ownDomains: ['helpgate.test'], knownMessageIds: new Set(['<customer-1@acme.test>']) };

describe('concernsOurMail', () => {
  it('is false for machine mail pointing at nothing of ours', () => {
    expect(concernsOurMail(none, context)).toBe(false);
    expect(concernsOurMail({ ...none, inReplyTo: '<someone-else@list.test>', references: ['<older@list.test>'] }, context)).toBe(false);
  });

  it('is true when it answers or reports on our signed Message-ID form, at our domain only', () => {
    expect(concernsOurMail({ ...none, inReplyTo: '<hg.1.2.Ab@HelpGate.test>' }, context)).toBe(true);
    expect(concernsOurMail({ ...none, aboutMessageId: '<hg.1.2.Ab@helpgate.test>' }, context)).toBe(true);
    expect(concernsOurMail({ ...none, inReplyTo: '<hg.1.2.Ab@lookalike.test>' }, context)).toBe(false);
  });

  it('is true when it references a Message-ID email-ingest knows (sent or received)', () => {
    expect(concernsOurMail({ ...none, references: ['<customer-1@acme.test>'] }, context)).toBe(true);
  });

  it('is true for a per-ticket reply address at our domain or a [#n] subject token', () => {
    expect(concernsOurMail({ ...none, recipients: ['support+t.abc@helpgate.test'] }, context)).toBe(true);
    expect(concernsOurMail({ ...none, recipients: ['jane+news@acme.test'] }, context)).toBe(false);
    expect(concernsOurMail({ ...none, subject: 'Automatic reply: [#42] Your printer' }, context)).toBe(true);
  });
});

describe('referencedMessageIds', () => {
  it('lists each answered, referenced and reported Message-ID once', () => {
    expect(
      referencedMessageIds({ ...none, inReplyTo: '<a@x.test>', references: ['<b@x.test>', '<a@x.test>'], aboutMessageId: '<c@x.test>' }),
    ).toEqual(['<a@x.test>', '<b@x.test>', '<c@x.test>']);
  });
});
