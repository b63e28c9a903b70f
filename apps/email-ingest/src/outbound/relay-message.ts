import type { SendMailOptions } from 'nodemailer';
import type { OutboundMail } from '@helpgate/contracts';

/** An attachment as stored in the attachments table, looked up by its sha256 id. */
export interface StoredAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The request itself cannot be sent (it names content we do not have): sending it again would fail again. */
export class UnsendableMailError extends Error {
  override readonly name = 'UnsendableMailError';
}

/**
 * The message nodemailer sends for a request. The requester's Message-ID is kept, so replies and
 * bounces can be matched back to the ticket; automatic mail says so (RFC 3834) and asks Exchange
 * not to answer it, so two auto-responders never mail each other forever.
 */
export function toRelayMessage(mail: OutboundMail, stored: readonly StoredAttachment[]): SendMailOptions {
  const storedById = new Map(stored.map((attachment) => [attachment.sha256, attachment]));
  return {
    from: mail.from,
    replyTo: mail.replyTo,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.autoSubmitted === 'no' ? {} : { 'Auto-Submitted': mail.autoSubmitted, 'X-Auto-Response-Suppress': 'All' },
    attachments: mail.attachmentIds.map((id) => {
      const attachment = storedById.get(id);
      if (!attachment) throw new UnsendableMailError(`attachment ${id} is not stored`);
      return { filename: attachment.filename, contentType: attachment.contentType, content: attachment.content };
    }),
  };
}
