import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';

export const mailboxSchema = z.object({
  address: z.string().min(3).max(320),
  name: z.string().max(500).optional(),
});

export type Mailbox = z.infer<typeof mailboxSchema>;

export const authResults = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'] as const;

/** SPF, DKIM and DMARC as evaluated from the SMTP session (never from headers found in the message). */
export const mailAuthenticationSchema = z.object({
  spf: z.enum(authResults),
  dkim: z.enum(authResults),
  dmarc: z.enum(authResults),
  /** The DMARC policy the sender's domain publishes (none, quarantine, reject), when it has one. */
  dmarcPolicy: z.string().max(20).optional(),
});

export type MailAuthentication = z.infer<typeof mailAuthenticationSchema>;

export const automatedKinds = ['auto-reply', 'bounce', 'feedback-report', 'bulk', 'loop'] as const;

/** Why a mail was written by a machine; absent for mail a person wrote. */
export const automationSchema = z.object({
  kind: z.enum(automatedKinds),
  /** For a bounce: what it says about the message it bounces. */
  bounce: z
    .object({
      originalMessageId: z.string().max(998).optional(),
      recipient: z.string().max(320).optional(),
      status: z
        .string()
        .regex(/^[245]\.\d{1,3}\.\d{1,3}$/)
        .optional(),
      permanent: z.boolean(),
    })
    .optional(),
});

export type Automation = z.infer<typeof automationSchema>;

/** An attachment stored once by content hash in email-ingest; downloadable there by id. */
export const attachmentRefSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().max(255),
  contentType: z.string().max(255),
  sizeBytes: z.number().int().nonnegative(),
  inline: z.boolean(),
  contentId: z.string().max(998).optional(),
});

export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** The part of an inbound mail that later services need; the raw message stays in email-ingest. */
export const inboundMailSchema = z.object({
  inboundMessageId: z.uuid(),
  messageId: z.string().min(1).max(998),
  inReplyTo: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(200),
  from: mailboxSchema,
  to: z.array(mailboxSchema).max(500),
  cc: z.array(mailboxSchema).max(500),
  supportAddress: z.string().min(3).max(320),
  /** The category the support address gives its mail, when it sets one. */
  supportAddressCategory: z.string().max(200).optional(),
  subject: z.string().max(2000),
  text: z.string(),
  textTruncated: z.boolean(),
  /**
   * Where the quoted history of a reply begins in `text`: the number of its lines above it (lines end at CRLF, CR or
   * LF). Absent when there is none, or nothing above it. The new text of the reply is `replyTextOf(mail)`.
   */
  quotedHistoryLine: z.number().int().positive().optional(),
  /** Sanitized HTML body (no scripts, handlers, forms or remote content), when the mail had one. */
  html: z.string().optional(),
  attachments: z.array(attachmentRefSchema).max(100),
  isAutomated: z.boolean(),
  automation: automationSchema.optional(),
  authentication: mailAuthenticationSchema,
  rawMessage: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sizeBytes: z.number().int().nonnegative(),
  }),
  receivedAt: z.iso.datetime({ offset: true }),
});

export type InboundMail = z.infer<typeof inboundMailSchema>;

const lineBreak = /\r\n?|\n/;

/** The new text of a reply: `text` above its quoted history, trimmed; all of `text`, trimmed, when there is none. */
export function replyTextOf(mail: Pick<InboundMail, 'text' | 'quotedHistoryLine'>): string {
  if (mail.quotedHistoryLine === undefined) return mail.text.trim();
  return mail.text.split(lineBreak).slice(0, mail.quotedHistoryLine).join('\n').trim();
}

/** A mail in the v1 form of `email.inbound.received`, which carried the reply text beside the text. */
export type InboundMailV1 = Omit<InboundMail, 'quotedHistoryLine'> & { replyText: string };

/**
 * A stored mail in the v2 form, whichever form it was stored in: for one in the v1 form, the fewest lines above which
 * `text` reads as its reply text. For the migrations of stored mail.
 */
export function inboundMailV2FromV1(stored: InboundMailV1 | InboundMail): InboundMail {
  if (!('replyText' in stored)) return stored;
  const { replyText, ...mail } = stored;
  if (replyText === mail.text.trim()) return mail;
  const lineCount = mail.text.split(lineBreak).length;
  for (let quotedHistoryLine = 1; quotedHistoryLine < lineCount; quotedHistoryLine += 1) {
    if (replyTextOf({ text: mail.text, quotedHistoryLine }) === replyText) return { ...mail, quotedHistoryLine };
  }
  return mail;
}

/** A stored mail back in the v1 form, whichever form it was stored in (the down step of those migrations). */
export function inboundMailV1FromV2(stored: InboundMailV1 | InboundMail): InboundMailV1 {
  if ('replyText' in stored) return stored;
  const { quotedHistoryLine, ...mail } = stored;
  return { ...mail, replyText: replyTextOf({ text: mail.text, quotedHistoryLine }) };
}

/**
 * A mail email-ingest read. v2 carries the text once: v1 carried the reply text beside it (`replyText`, most often
 * the whole text again), where v2 says where in the text the quoted history begins (`quotedHistoryLine`). v1 is no
 * longer published; mail stored in the v1 form (held in quarantine, held for unknown senders) was migrated.
 */
export const emailInboundReceivedV2 = eventEnvelopeSchema.extend({
  mail: inboundMailSchema,
});

export type EmailInboundReceivedV2 = z.infer<typeof emailInboundReceivedV2>;

/**
 * A message email-ingest answered 250 for: stored as it arrived, not yet read. email-ingest alone consumes it,
 * parses and authenticates the message and publishes `email.inbound.received.v2` (or holds it in quarantine).
 */
export const acceptedMessageSchema = z.object({
  inboundMessageId: z.uuid(),
  rawMessage: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sizeBytes: z.number().int().nonnegative(),
  }),
  envelope: z.object({
    /** null for the null sender `<>`. */
    mailFrom: z.string().max(320).nullable(),
    rcptTo: z.array(z.string().max(320)).min(1).max(500),
  }),
  /** What the SMTP session saw of the client: SPF and DMARC are evaluated with these facts only. */
  session: z.object({
    remoteAddress: z.string().max(100).nullable(),
    heloName: z.string().max(255).nullable(),
  }),
  supportAddress: z.string().min(3).max(320),
  supportAddressCategory: z.string().max(200).optional(),
  receivedAt: z.iso.datetime({ offset: true }),
  /**
   * The email-ingest database transaction that stored the message. Kafka acknowledges the record before that
   * transaction commits, so a consumer that does not see the message yet asks whether it is still running.
   */
  storedInTransaction: z.string().regex(/^\d{1,20}$/),
});

export type AcceptedMessage = z.infer<typeof acceptedMessageSchema>;

export const emailInboundAcceptedV1 = eventEnvelopeSchema.extend({
  message: acceptedMessageSchema,
});

export type EmailInboundAcceptedV1 = z.infer<typeof emailInboundAcceptedV1>;

/** Every Message-ID of mail Helpgate sends starts `<hg.`: such an id arriving from outside means our own mail came back. */
export const helpgateMessageIdPrefix = '<hg.';

export const autoSubmittedValues = ['no', 'auto-replied', 'auto-generated'] as const;
export const outboundKinds = ['acknowledgement', 'reply', 'notification', 'welcome'] as const;

/** A mail another service wants sent; email-ingest sends it through the configured relay. */
export const outboundMailSchema = z.object({
  requestId: z.uuid(),
  kind: z.enum(outboundKinds),
  from: mailboxSchema,
  replyTo: mailboxSchema.optional(),
  to: z.array(mailboxSchema).min(1).max(100),
  cc: z.array(mailboxSchema).max(100),
  subject: z.string().max(2000),
  text: z.string(),
  html: z.string().optional(),
  /** Chosen by the requester, so replies to this mail can be matched back to it. */
  messageId: z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/),
  inReplyTo: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(200),
  autoSubmitted: z.enum(autoSubmittedValues),
  attachmentIds: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(20),
  ticketId: z.uuid().optional(),
  contactId: z.uuid().optional(),
});

export type OutboundMail = z.infer<typeof outboundMailSchema>;

export const emailOutboundRequestedV1 = eventEnvelopeSchema.extend({ mail: outboundMailSchema });

export type EmailOutboundRequestedV1 = z.infer<typeof emailOutboundRequestedV1>;

const outboundOutcome = {
  requestId: z.uuid(),
  messageId: z.string().max(998),
  kind: z.enum(outboundKinds),
  ticketId: z.uuid().optional(),
  contactId: z.uuid().optional(),
};

export const emailOutboundDeliveredV1 = eventEnvelopeSchema.extend({
  ...outboundOutcome,
  acceptedRecipients: z.array(z.string().max(320)),
  relayResponse: z.string().max(2000),
  deliveredAt: z.iso.datetime({ offset: true }),
});

export type EmailOutboundDeliveredV1 = z.infer<typeof emailOutboundDeliveredV1>;

export const emailOutboundFailedV1 = eventEnvelopeSchema.extend({
  ...outboundOutcome,
  /** relay: the relay refused or could not be reached in time; bounce: a delivery report came back later. */
  source: z.enum(['relay', 'bounce']),
  permanent: z.boolean(),
  recipients: z.array(z.string().max(320)),
  status: z.string().max(20).optional(),
  error: z.string().max(2000),
  failedAt: z.iso.datetime({ offset: true }),
});

export type EmailOutboundFailedV1 = z.infer<typeof emailOutboundFailedV1>;
