import { IngestErrorCode, IngestException } from '../domain/ingest.exception';

/** The error shape smtp-server turns into a reply line: `<responseCode> <message>`. */
export interface SmtpReplyError extends Error {
  responseCode: number;
}

const replyFor: Record<IngestErrorCode, { code: number; status: string }> = {
  [IngestErrorCode.UnknownRecipient]: { code: 550, status: '5.1.1' },
  [IngestErrorCode.TooManyRecipients]: { code: 452, status: '4.5.3' },
  [IngestErrorCode.MessageTooLarge]: { code: 552, status: '5.3.4' },
  [IngestErrorCode.MalformedMessage]: { code: 554, status: '5.6.0' },
  [IngestErrorCode.NotDurable]: { code: 451, status: '4.3.0' },
  [IngestErrorCode.TooManyConnections]: { code: 421, status: '4.7.0' },
  [IngestErrorCode.TooManyMessages]: { code: 450, status: '4.7.1' },
};

/**
 * Maps any failure to an SMTP reply. Only a known, permanent refusal gets a 5xx; everything else is a
 * 451 so the sending server keeps the message and retries: an unexpected error never loses mail.
 */
export function toSmtpReply(error: unknown): SmtpReplyError {
  const reply = error instanceof IngestException ? replyFor[error.code] : replyFor[IngestErrorCode.NotDurable];
  const text =
    error instanceof IngestException && error.code !== IngestErrorCode.NotDurable
      ? error.message
      : 'Temporary failure storing the message, try again later';
  return Object.assign(new Error(`${reply.status} ${text}`, { cause: error }), { responseCode: reply.code });
}
