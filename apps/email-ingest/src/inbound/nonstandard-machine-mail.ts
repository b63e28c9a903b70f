import type { Automation } from '@helpgate/contracts';
import type { AutomationInput } from './automation';
import {
  addressesOf,
  addressIn,
  headerBlock,
  headerTexts,
  isRecord,
  partText,
  partType,
  rawHeaderField,
  returnedMessageTypes,
  scannedText,
} from './mail-view';

/**
 * Machine mail in shapes no standard describes: older feedback reports, JSON notifications relayed by
 * mail-sending services, the notices of list managers, and messages returned with an error but no
 * delivery report. Each rule names the evidence it needs (the README's table repeats it); none of
 * them rests on one weak sign a person's mail could show.
 */
export interface NonstandardRule {
  name: string;
  recognise(input: AutomationInput): Automation['kind'] | undefined;
}

/** Headers mail providers add to a complaint they forward to the sender (Microsoft's JMRP names the recipient so). */
const providerRecipientHeaders = ['x-hmxmroriginalrecipient'];

/** Local parts list managers send from: Mailman, Majordomo, LISTSERV, Sympa, ezmlm and their owner/request/bounce addresses. */
const listManagerLocalPart = /^(?:mailman|majordomo|listserv|sympa|ezmlm|owner-[\w.-]+|[\w.-]+-(?:owner|request|bounces?))$/i;

/** What list managers answer a post they refuse. */
const listRefusalWording =
  /you are not a member|not a member of (?:the|this) list|non-member (?:post|submission)|only members (?:may|can) post|posting (?:is )?restricted to members|you are not allowed to post|is not subscribed to/i;

/** Headers only list managers write (List-Id and List-Unsubscribe are read by the standard list rule). */
const listManagerHeaders = [
  'x-mailman-version',
  'x-beenthere',
  'x-ml-name',
  'x-mailing-list',
  'mailing-list',
  'x-listserver',
  'x-list-administrivia',
];

/** An SMTP failure as servers quote it: a 4xx/5xx reply with its enhanced status (`550 5.1.1`, `554-5.7.1`, `#550 5.1.1`). */
const smtpFailureReply = /(?<![\w.])#?[45]\d\d[ -]#?[45]\.\d{1,3}\.\d{1,3}(?!\.?\d)/;
const deliveryErrorWording =
  /user unknown|unknown user|no such (?:user|mailbox|recipient)|mailbox (?:unavailable|full|is full)|recipient address rejected|delivery (?:has )?failed|could not be delivered|quota exceeded/i;

/** Quoted or forwarded text: a person passing a notice on, not the notice itself. */
const forwardedMarker = /^[ \t]*(?:-{2,}\s*(?:forwarded|original) message|begin forwarded message|>)/im;

export const legacyFeedbackReport: NonstandardRule = {
  name: 'legacy-feedback-report',
  recognise: (input) =>
    providerRecipientHeaders.some((name) => headerTexts(input.headers, name).some((value) => addressIn(value))) &&
    input.parts.some((part) => partType(part) === 'message/rfc822')
      ? 'feedback-report'
      : undefined,
};

export const providerJsonNotification: NonstandardRule = {
  name: 'provider-json-notification',
  recognise: (input) => {
    const type = providerNotificationOf(input.text)?.type;
    if (type === 'bounce') return 'bounce';
    return type === 'complaint' ? 'feedback-report' : undefined;
  },
};

export const listManagerErrorNotice: NonstandardRule = {
  name: 'list-manager-notice',
  recognise: (input) =>
    isListManagerAddress(input.fromAddress) && listRefusalWording.test(`${input.subject}\n${noticeText(input)}`) ? 'bounce' : undefined,
};

export const listManagerHeadersRule: NonstandardRule = {
  name: 'list-manager-headers',
  recognise: (input) => {
    const list = input.headers.get('list');
    const hasListPost = isRecord(list) && 'post' in list;
    return hasListPost || listManagerHeaders.some((name) => input.headers.has(name)) ? 'bulk' : undefined;
  },
};

export const returnedMessageWithError: NonstandardRule = {
  name: 'returned-message-with-error',
  recognise: (input) => {
    if (!returnsMessageToItsSender(input)) return undefined;
    const notice = noticeText(input);
    return smtpFailureReply.test(notice) || deliveryErrorWording.test(notice) ? 'bounce' : undefined;
  },
};

export function isListManagerAddress(sender: string): boolean {
  return listManagerLocalPart.test(sender.split('@')[0].trim());
}

/**
 * An attached message this mail gives back to the one who sent it: the attached message's From is a
 * recipient of this mail and not its sender. A person attaching their own mail, or a notice they got,
 * does not do that.
 */
export function returnsMessageToItsSender(input: AutomationInput): boolean {
  const sender = input.fromAddress.toLowerCase();
  const recipients = new Set(addressesOf(input.headers.get('to')));
  return input.parts
    .filter((part) => returnedMessageTypes.has(partType(part)))
    .map((part) => addressIn(rawHeaderField(headerBlock(partText(part)), 'from') ?? '')?.toLowerCase())
    .some((returnedFrom) => returnedFrom !== undefined && returnedFrom !== sender && recipients.has(returnedFrom));
}

/** The mail's own text, without what it quotes or forwards. */
function noticeText(input: AutomationInput): string {
  const text = scannedText(input.text);
  const marker = forwardedMarker.exec(text);
  return marker ? text.slice(0, marker.index) : text;
}

export interface ProviderNotification {
  type: 'bounce' | 'complaint';
  recipient?: string;
  status?: string;
  permanent: boolean;
  originalMessageId?: string;
}

/**
 * A bounce or complaint notification of a mail-sending service relayed as a JSON body (`notificationType` or
 * `eventType` `Bounce` / `Complaint` with the `mail` it is about), also inside a notification envelope that
 * carries it as its `Message` string. The body must be that JSON and nothing else: a person pasting one into
 * a question is not the notification.
 */
export function providerNotificationOf(text: string | undefined): ProviderNotification | undefined {
  const body = scannedText(text).trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  const outer = parsedObject(body);
  const notification = outer && typeof outer.Message === 'string' ? parsedObject(outer.Message) : outer;
  if (!notification || !isRecord(notification.mail)) return undefined;
  const type = String(notification.notificationType ?? notification.eventType ?? '').toLowerCase();
  if (type !== 'bounce' && type !== 'complaint') return undefined;
  const details = isRecord(notification[type]) ? notification[type] : {};
  const recipients = details.bouncedRecipients ?? details.complainedRecipients;
  const first: unknown = Array.isArray(recipients) ? recipients[0] : undefined;
  const recipient = isRecord(first) && typeof first.emailAddress === 'string' ? addressIn(first.emailAddress) : undefined;
  const status =
    isRecord(first) && typeof first.status === 'string' && /^[245]\.\d{1,3}\.\d{1,3}$/.test(first.status) ? first.status : undefined;
  const headers = isRecord(notification.mail.commonHeaders) ? notification.mail.commonHeaders : {};
  const messageId = typeof headers.messageId === 'string' && /^<[^<>\s]{1,996}>$/.test(headers.messageId) ? headers.messageId : undefined;
  return {
    type,
    ...(recipient ? { recipient } : {}),
    ...(status ? { status } : {}),
    permanent: type === 'bounce' && String(details.bounceType ?? '').toLowerCase() === 'permanent',
    ...(messageId ? { originalMessageId: messageId } : {}),
  };
}

function parsedObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The rules for reports and notices, in the order they are tried; list mail is told by `listManagerHeadersRule`. */
export const nonstandardReportRules: readonly NonstandardRule[] = [
  providerJsonNotification,
  legacyFeedbackReport,
  listManagerErrorNotice,
  returnedMessageWithError,
];
