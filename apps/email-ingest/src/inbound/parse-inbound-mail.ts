import { createHash } from 'node:crypto';
import { AddressObject, simpleParser } from 'mailparser';
import type { Mailbox } from '@helpgate/contracts';
import { isAutomatedMail } from '../domain/automated-mail';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';

/** Events stay small: a longer body is cut here and read in full from the stored raw message. */
export const maxEventTextChars = 256 * 1024;

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
  isAutomated: boolean;
  sha256: string;
}

/** Reads what the rest of Helpgate needs from a raw RFC 5322 message. */
export async function parseInboundMail(raw: Buffer, envelope: MailEnvelope): Promise<ParsedInboundMail> {
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = mailboxes(mail.from)[0] ?? (envelope.mailFrom ? { address: envelope.mailFrom } : undefined);
  if (!from) throw new IngestException(IngestErrorCode.NoSender, 'The message has no sender address');
  const text = (mail.text ?? '').replace(/\r\n/g, '\n');
  return {
    // A message without a Message-ID still needs a stable identity, so a resend is recognised.
    messageId: mail.messageId?.trim() || `<${sha256}@helpgate.invalid>`,
    inReplyTo: mail.inReplyTo?.trim() || undefined,
    references: toList(mail.references),
    from,
    to: mailboxes(mail.to),
    cc: mailboxes(mail.cc),
    subject: (mail.subject ?? '').slice(0, 2000),
    text: text.slice(0, maxEventTextChars),
    textTruncated: text.length > maxEventTextChars,
    isAutomated: isAutomatedMail({ envelopeFrom: envelope.mailFrom, fromAddress: from.address, headers: mail.headers }),
    sha256,
  };
}

function mailboxes(field: AddressObject | AddressObject[] | undefined): Mailbox[] {
  const groups = Array.isArray(field) ? field : field ? [field] : [];
  return groups
    .flatMap((group) => group.value.flatMap((entry) => (entry.group ? entry.group : [entry])))
    .filter((entry) => Boolean(entry.address))
    .map((entry) => ({ address: entry.address!.slice(0, 320), ...(entry.name ? { name: entry.name.slice(0, 500) } : {}) }));
}

function toList(references: string | string[] | undefined): string[] {
  const list = Array.isArray(references) ? references : references ? references.split(/\s+/) : [];
  return list
    .map((reference) => reference.trim())
    .filter(Boolean)
    .slice(0, 200);
}
