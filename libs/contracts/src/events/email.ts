import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';

export const mailboxSchema = z.object({
  address: z.string().min(3).max(320),
  name: z.string().max(500).optional(),
});

export type Mailbox = z.infer<typeof mailboxSchema>;

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
  subject: z.string().max(2000),
  text: z.string(),
  textTruncated: z.boolean(),
  isAutomated: z.boolean(),
  rawMessage: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sizeBytes: z.number().int().nonnegative(),
  }),
  receivedAt: z.iso.datetime({ offset: true }),
});

export type InboundMail = z.infer<typeof inboundMailSchema>;

export const emailInboundReceivedV1 = eventEnvelopeSchema.extend({
  mail: inboundMailSchema,
});

export type EmailInboundReceivedV1 = z.infer<typeof emailInboundReceivedV1>;
