export interface AutomationSignals {
  /** The envelope sender; null for the null sender `<>` that bounces use. */
  envelopeFrom: string | null;
  fromAddress: string;
  headers: ReadonlyMap<string, unknown>;
}

const robotSenders = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@-]|$)/i;
const bulkPrecedence = /^(bulk|junk|list|auto_reply)$/i;

/**
 * True for mail written by a machine in answer to something (bounces, out-of-office replies, list
 * traffic): such mail must never create contacts or trigger acknowledgements, or two robots mail
 * each other forever. Signals follow RFC 3834 and the headers common autoresponders set.
 */
export function isAutomatedMail({ envelopeFrom, fromAddress, headers }: AutomationSignals): boolean {
  if (envelopeFrom === null || envelopeFrom === '') return true;
  if (robotSenders.test(fromAddress)) return true;
  const autoSubmitted = headerText(headers, 'auto-submitted');
  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no') return true;
  if (bulkPrecedence.test(headerText(headers, 'precedence') ?? '')) return true;
  return ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'list-id'].some((name) => {
    const value = headerText(headers, name);
    return name === 'x-auto-response-suppress' ? /\b(all|oof|autoreply)\b/i.test(value ?? '') : value !== undefined;
  });
}

function headerText(headers: ReadonlyMap<string, unknown>, name: string): string | undefined {
  const value = headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value).trim();
  return String(value).trim();
}
