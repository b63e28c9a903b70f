import type { NodemailerError } from 'nodemailer';
import { UnsendableMailError } from './relay-message';

/** Why a send through the relay failed, and whether trying the same message again can succeed. */
export interface RelayFailure {
  retryable: boolean;
  /** The relay's reply when it gave one, else the error. It may name recipients: keep it out of logs. */
  reason: string;
  /** Safe to log: nodemailer's error code (ECONNECTION, EENVELOPE, …) or the error's name. */
  code: string;
  responseCode?: number;
  /** The enhanced status code of the relay's reply (RFC 3463), like 5.1.1. */
  status?: string;
  /** The recipients the relay refused, when it refused them one by one. */
  rejectedRecipients?: string[];
}

/** Errors nodemailer raises about the message itself before the relay answers: the same message fails again. */
const unsendableCodes = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

/** Credentials are the relay's set-up, not the message's fault: an operator can fix them while we retry. */
const authenticationCodes = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);

const enhancedStatus = /^[245]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

/**
 * Classifies a failed send. A 5xx reply is a permanent refusal (RFC 5321), except 503, which only says
 * the session was out of step; a 4xx reply, a lost connection or a timeout is worth another attempt.
 */
export function classifyRelayFailure(error: unknown): RelayFailure {
  if (error instanceof UnsendableMailError) return { retryable: false, reason: error.message, code: error.name };
  const failure: Partial<NodemailerError> = error instanceof Error ? error : {};
  const code = failure.code ?? failure.name ?? 'UNKNOWN';
  if (failure.responseCode === undefined) {
    return { retryable: !unsendableCodes.has(code), reason: failure.message ?? String(error), code };
  }
  const reply = failure.response ?? failure.message ?? '';
  const permanent = failure.responseCode >= 500 && failure.responseCode !== 503 && !authenticationCodes.has(code);
  return {
    retryable: !permanent,
    reason: reply,
    code,
    responseCode: failure.responseCode,
    status: enhancedStatus.exec(reply)?.[1],
    rejectedRecipients: failure.rejected?.length ? failure.rejected : undefined,
  };
}
