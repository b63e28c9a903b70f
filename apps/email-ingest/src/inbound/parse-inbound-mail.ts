import { AddressObject, HeaderValue } from 'mailparser';
import type { Automation, Mailbox } from '@helpgate/contracts';
import { sha256Hex } from '@helpgate/platform';
import { automationInputFromParsedMail, MachineMailRule, recogniseAutomation } from './automation';
import { sanitizeMailHtml } from './mail-html';
import { quotedHistoryLineOf } from './reply-text';
import { ParsedAttachment, readMimeParts } from './mime-parts';

/** Events stay small: longer bodies are cut here and read in full from the stored raw message. */
export const maxEventTextChars = 256 * 1024;
export const maxEventHtmlChars = 256 * 1024;

export interface MailEnvelope {
  mailFrom: string | null;
  rcptTo: string[];
}

export interface ParsedInboundMail {
  messageId: string;
  inReplyTo?: string;
  references: string[];
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  text: string;
  textTruncated: boolean;
  quotedHistoryLine?: number;
  html?: string;
  attachments: ParsedAttachment[];
  isAutomated: boolean;
  automation?: Automation;
  /** For machine mail: the rule that recognised it and the message it reports on; kept by email-ingest, not published. */
  machineMail?: { rule: MachineMailRule; aboutMessageId?: string };
  sha256: string;
}

/** Reads what the rest of Helpgate needs from a raw RFC 5322 message, in one pass of mailparser over its MIME parts. */
export async function parseInboundMail(
  raw: Buffer,
  envelope: MailEnvelope,
  ownDomains: readonly string[] = [],
): Promise<ParsedInboundMail> {
  const sha256 = sha256Hex(raw);
  const { headers, text: fullText, html, attachments } = await readMimeParts(raw);
  const recognition = recogniseAutomation(
    automationInputFromParsedMail({ headers, text: fullText, attachments }, { envelopeFrom: envelope.mailFrom, ownDomains }),
  );
  const automation = recognition?.automation;
  // Without a From address the envelope sender speaks; the null sender `<>` is used by bounces only.
  const from = mailboxes(headers.get('from'))[0] ?? { address: envelope.mailFrom ?? 'mailer-daemon' };
  const text = fullText.replace(/\r\n/g, '\n');
  const eventText = text.slice(0, maxEventTextChars);
  const quotedHistoryLine = quotedHistoryLineOf(eventText);
  const subject = headerString(headers.get('subject')).slice(0, 2000);
  // A message without a Message-ID still needs a stable identity, so a resend is recognised.
  const messageId = headerString(headers.get('message-id')).trim() || `<${sha256}@helpgate.invalid>`;
  return {
    messageId,
    inReplyTo: headerString(headers.get('in-reply-to')).trim() || undefined,
    references: referenceList(headers.get('references')),
    from,
    to: mailboxes(headers.get('to')),
    cc: mailboxes(headers.get('cc')),
    subject,
    text: eventText,
    textTruncated: text.length > maxEventTextChars,
    ...(quotedHistoryLine === undefined ? {} : { quotedHistoryLine }),
    ...(html ? { html: sanitizeMailHtml(html).slice(0, maxEventHtmlChars) } : {}),
    attachments,
    isAutomated: automation !== undefined,
    ...(recognition
      ? {
          automation,
          machineMail: { rule: recognition.rule, ...(recognition.aboutMessageId ? { aboutMessageId: recognition.aboutMessageId } : {}) },
        }
      : {}),
    sha256,
  };
}

function mailboxes(field: HeaderValue | undefined): Mailbox[] {
  const groups = (Array.isArray(field) ? field : field ? [field] : []) as AddressObject[];
  return groups
    .filter((group) => Array.isArray(group?.value))
    .flatMap((group) => group.value.flatMap((entry) => (entry.group ? entry.group : [entry])))
    .filter((entry) => Boolean(entry.address))
    .map((entry) => ({ address: entry.address!.slice(0, 320), ...(entry.name ? { name: entry.name.slice(0, 500) } : {}) }));
}

function headerString(value: HeaderValue | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(' ');
  return '';
}

function referenceList(value: HeaderValue | undefined): string[] {
  const text = headerString(value);
  const ids = text.match(/<[^<>\s]+>/g) ?? text.split(/\s+/);
  return ids
    .map((reference) => reference.trim())
    .filter(Boolean)
    .slice(0, 200);
}
