import { helpgateMessageIdPrefix } from '@helpgate/contracts';

/** What tells whether machine mail may answer a ticket or reports on a mail of ours. */
export interface MachineMailEvidence {
  subject: string;
  inReplyTo?: string;
  references: readonly string[];
  /** The Message-ID of the message a report or notice is about, when it names one. */
  aboutMessageId?: string;
  /** To, Cc and the envelope recipients. */
  recipients: readonly string[];
}

const ticketToken = /\[#\d+\]/;

/** The Message-IDs the mail points at: the ones it answers or references, and the one it reports on. */
export function referencedMessageIds(evidence: MachineMailEvidence): string[] {
  const ids = [evidence.inReplyTo, ...evidence.references, evidence.aboutMessageId].filter((id): id is string => Boolean(id));
  return [...new Set(ids.map((id) => id.trim()))];
}

/**
 * Whether machine mail may answer a ticket or reports on one of our mails, read from what email-ingest holds
 * itself: a Message-ID of ours (our signed form, or one we sent or received, as `knownMessageIds` says), a
 * per-ticket reply address (`support+…` at one of our domains), or a `[#123]` subject token. It errs towards yes:
 * such mail flows on to tickets, which decides; only mail with none of these is certainly about nothing of ours.
 */
export function concernsOurMail(
  evidence: MachineMailEvidence,
  context: { ownDomains: readonly string[]; knownMessageIds: ReadonlySet<string> },
): boolean {
  const atOwnDomains = context.ownDomains.map((domain) => `@${domain.toLowerCase()}`);
  const isOurs = (id: string) => {
    const lower = id.toLowerCase();
    return (
      context.knownMessageIds.has(id) || (lower.startsWith(helpgateMessageIdPrefix) && atOwnDomains.some((at) => lower.endsWith(`${at}>`)))
    );
  };
  const isReplyAddress = (address: string) => {
    const lower = address.toLowerCase();
    return lower.split('@')[0].includes('+') && atOwnDomains.some((at) => lower.endsWith(at));
  };
  return referencedMessageIds(evidence).some(isOurs) || evidence.recipients.some(isReplyAddress) || ticketToken.test(evidence.subject);
}
