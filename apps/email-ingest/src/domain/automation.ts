import type { Automation } from '@helpgate/contracts';
import { isAutomatedMail } from './automated-mail';

export interface AutomationInput {
  envelopeFrom: string | null;
  fromAddress: string;
  subject: string;
  /** Header map as mailparser gives it: lower-case names. */
  headers: ReadonlyMap<string, unknown>;
  /** The message's MIME parts other than the bodies (as mailparser lists attachments). */
  parts: readonly { contentType: string; content: Buffer }[];
  messageId?: string;
  /** Our own mail domains: a Message-ID of ours coming back means a loop. */
  ownDomains: readonly string[];
}

/** Why a mail was written by a machine, or undefined for mail a person wrote. */
export function detectAutomation(input: AutomationInput): Automation | undefined {
  const reportType = String(
    (input.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.['report-type'] ?? '',
  );
  if (reportType === 'delivery-status' || input.parts.some((part) => part.contentType === 'message/delivery-status')) {
    return { kind: 'bounce', bounce: { permanent: true } };
  }
  if (reportType === 'feedback-report') return { kind: 'feedback-report' };
  if (input.messageId && input.ownDomains.some((domain) => input.messageId!.toLowerCase().endsWith(`@${domain}>`))) return { kind: 'loop' };
  if (input.envelopeFrom === null) return { kind: 'bounce', bounce: { permanent: true } };
  if (isAutomatedMail({ envelopeFrom: input.envelopeFrom, fromAddress: input.fromAddress, headers: input.headers }))
    return { kind: 'auto-reply' };
  return undefined;
}
