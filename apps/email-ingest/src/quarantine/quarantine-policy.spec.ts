import { quarantineReasonFor } from './quarantine-policy';

const passing = { spf: 'pass', dkim: 'pass', dmarc: 'pass' } as const;
const facts = { authentication: passing, recentFromSender: 0, floodLimit: 30 };

describe('quarantineReasonFor', () => {
  it('lets ordinary mail through', () => {
    expect(quarantineReasonFor(facts)).toBeNull();
  });

  it('holds our own mail coming back', () => {
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'loop' } })).toBe('loop');
  });

  it('holds a DMARC failure when the domain asks to reject or quarantine it', () => {
    expect(quarantineReasonFor({ ...facts, authentication: { ...passing, dmarc: 'fail', dmarcPolicy: 'reject' } })).toBe('dmarc-fail');
    expect(quarantineReasonFor({ ...facts, authentication: { ...passing, dmarc: 'fail', dmarcPolicy: 'quarantine' } })).toBe('dmarc-fail');
  });

  it('lets a DMARC failure through when the domain only monitors (p=none), flagged in the event', () => {
    expect(quarantineReasonFor({ ...facts, authentication: { ...passing, dmarc: 'fail', dmarcPolicy: 'none' } })).toBeNull();
  });

  it('holds a sender past the flood limit', () => {
    expect(quarantineReasonFor({ ...facts, recentFromSender: 29 })).toBeNull();
    expect(quarantineReasonFor({ ...facts, recentFromSender: 30 })).toBe('flood');
  });

  it('holds machine mail about nothing of ours under its kind, list mail as list', () => {
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'auto-reply' }, concernsOurMail: false })).toBe('auto-reply');
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'bulk' }, concernsOurMail: false })).toBe('list');
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'bounce', bounce: { permanent: true } }, concernsOurMail: false })).toBe(
      'bounce',
    );
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'feedback-report' }, concernsOurMail: false, recentFromSender: 99 })).toBe(
      'feedback-report',
    );
  });

  it('lets machine mail that may concern our mail flow on, so tickets shows it on its ticket', () => {
    expect(quarantineReasonFor({ ...facts, automation: { kind: 'auto-reply' }, concernsOurMail: true })).toBeNull();
  });
});
