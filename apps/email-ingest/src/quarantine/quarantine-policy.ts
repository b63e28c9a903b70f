import type { Automation, MailAuthentication } from '@helpgate/contracts';

/** Machine mail about nothing of ours is kept under its kind; list mail is the contract's `bulk`. */
export const machineMailKinds = ['bounce', 'auto-reply', 'feedback-report', 'list'] as const;
export type MachineMailKind = (typeof machineMailKinds)[number];

export const quarantineReasons = ['flood', 'dmarc-fail', 'loop', 'malformed', ...machineMailKinds] as const;
export type QuarantineReason = (typeof quarantineReasons)[number];

export interface QuarantineFacts {
  automation?: Automation;
  /** For machine mail: whether it may answer a ticket or reports on one of our mails (see `concernsOurMail`). */
  concernsOurMail?: boolean;
  authentication: MailAuthentication;
  /** Messages from the same sender address within the flood window, this one excluded. */
  recentFromSender: number;
  floodLimit: number;
}

/**
 * Why an accepted message must not flow on, or null. Kept, never dropped: an agent can release it.
 * - loop: our own Message-ID came back, so answering it could start a mail loop;
 * - dmarc-fail: the sender's domain fails DMARC and asks receivers to reject or quarantine such mail,
 *   so it must not be attached to the contact it claims to be;
 * - bounce, auto-reply, feedback-report, list: machine mail that answers no ticket and reports on none of our
 *   mails would open nothing and reach no one; kept under its kind so that a person's mail taken for it is seen;
 * - flood: one sender sending more than a person would.
 * (malformed, a message that cannot be read, is decided where it is parsed, not from these facts.)
 */
export function quarantineReasonFor(facts: QuarantineFacts): QuarantineReason | null {
  if (facts.automation?.kind === 'loop') return 'loop';
  const policy = facts.authentication.dmarcPolicy?.toLowerCase();
  if (facts.authentication.dmarc === 'fail' && (policy === 'reject' || policy === 'quarantine')) return 'dmarc-fail';
  const machineKind = machineMailKindOf(facts.automation);
  if (machineKind && facts.concernsOurMail === false) return machineKind;
  if (facts.recentFromSender >= facts.floodLimit) return 'flood';
  return null;
}

export function machineMailKindOf(automation: Automation | undefined): MachineMailKind | undefined {
  if (!automation || automation.kind === 'loop') return undefined;
  return automation.kind === 'bulk' ? 'list' : automation.kind;
}

export function isMachineMailKind(reason: QuarantineReason): reason is MachineMailKind {
  return (machineMailKinds as readonly string[]).includes(reason);
}
