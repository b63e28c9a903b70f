import type { Automation, MailAuthentication } from '@helpgate/contracts';

export const quarantineReasons = ['flood', 'dmarc-fail', 'loop', 'malformed'] as const;
export type QuarantineReason = (typeof quarantineReasons)[number];

export interface QuarantineFacts {
  automation?: Automation;
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
 * - flood: one sender sending more than a person would.
 * (malformed, a message that cannot be read, is decided where it is parsed, not from these facts.)
 */
export function quarantineReasonFor(facts: QuarantineFacts): QuarantineReason | null {
  if (facts.automation?.kind === 'loop') return 'loop';
  const policy = facts.authentication.dmarcPolicy?.toLowerCase();
  if (facts.authentication.dmarc === 'fail' && (policy === 'reject' || policy === 'quarantine')) return 'dmarc-fail';
  if (facts.recentFromSender >= facts.floodLimit) return 'flood';
  return null;
}
