import { helpgateMessageIdPrefix } from '@helpgate/contracts';
import type { Automation } from '@helpgate/contracts';
import {
  addressIn,
  addressSource,
  headerBlock,
  headerTexts,
  isRecord,
  MailPart,
  partText,
  partType,
  returnedMessageTypes,
  scannedText,
  senderOf,
  unfold,
} from './mail-view';
import {
  isListManagerAddress,
  listManagerHeadersRule,
  nonstandardReportRules,
  providerNotificationOf,
  returnsMessageToItsSender,
} from './nonstandard-machine-mail';

export type { MailPart } from './mail-view';

export interface AutomationInput {
  /** The envelope sender; null for the null sender `<>`. */
  envelopeFrom: string | null;
  /** The From address; a sender given without a domain (`From: MAILER-DAEMON`) is that bare name. */
  fromAddress: string;
  subject: string;
  /** Header map as mailparser gives it: lower-case names, structured values for some headers. */
  headers: ReadonlyMap<string, unknown>;
  /** The message's MIME parts other than the bodies (as mailparser lists attachments). */
  parts: readonly MailPart[];
  messageId?: string;
  /** Our own mail domains: a Message-ID of ours coming back means a loop. */
  ownDomains: readonly string[];
  /** The plain text body: a bounce that is no delivery report says only there what failed. */
  text?: string;
}

/** What detection reads from a parsed mail: mailparser's headers map, its text and its attachments. */
export interface ParsedMailView {
  headers: ReadonlyMap<string, unknown>;
  text?: string;
  attachments: readonly MailPart[];
}

export interface MailContext {
  envelopeFrom: string | null;
  ownDomains: readonly string[];
}

type Bounce = NonNullable<Automation['bounce']>;

interface RecipientReport {
  recipient?: string;
  status?: string;
  action?: string;
  diagnostic?: string;
}

const deliveryStatusTypes = new Set(['message/delivery-status', 'message/global-delivery-status']);

const daemonLocalPart = /^(?:mailer[-_]?daemon|mail[-_]?daemon|post[-_]?master|microsoftexchange[0-9a-f]{32})$/i;

const address = addressSource;

/**
 * Subjects MTAs, list managers and mobile carriers give their error notices; a person's "Re:" or "Fwd:" of one
 * never matches, being anchored.
 */
const bounceSubject = new RegExp(
  '^[\\[【(]?(?:' +
    [
      'undelivered mail returned to sender',
      'undeliver(?:able|ed)\\b',
      'mail delivery failed',
      'returned mail\\b',
      'delivery status notification',
      'failure notice',
      'delivery failure',
      'delivery notification',
      'delayed mail',
      'warning: (?:message .{1,80} delayed|could not send message)',
      'mail system error',
      'message not delivered',
      'non remis',
      'message non remis',
      'unzustellbar',
      'nicht zustellbar',
      'you are not a member',
      'メール(?:送信|配信)エラー',
      '(?:メール)?不達(?:通知|メール)?',
      'メールが届きませんでした',
      'non recapitabile',
      'no se puede entregar',
      'onbestelbaar',
      'não é possível entregar',
    ].join('|') +
    ')',
  'i',
);

/** Wording of the notices of Postfix, Exim, qmail, Sendmail, Courier, Exchange, Gmail, Yahoo, Domino and SES. */
const bounceWording = new RegExp(
  [
    'this is the mail system at host',
    'could not be delivered to one or more',
    'hi\\. this is the qmail-send program',
    "wasn't able to deliver your message",
    'this message was created automatically by mail delivery software',
    'the following addresses had (?:permanent fatal|transient non-fatal) errors',
    'transcript of session follows',
    'this is a delivery status notification',
    'delivery has failed to these recipients',
    "your message to \\S+ couldn't be delivered",
    'the following recipient\\(s\\) (?:cannot|could not) be reached',
    'delivery to the following recipients? (?:failed|has been delayed)',
    "your message wasn't delivered",
    'unable to deliver your message to the following address',
    'was not delivered to:\\s*$',
    'an error occurred while trying to deliver the mail',
    'die zustellung an folgende empfänger',
    'la remise à ces destinataires',
    '^\\s*address not found\\s*$',
  ].join('|'),
  'im',
);

/** Where a notice ends and the copy of the returned message begins. */
const returnedMessageMarker =
  /^[ \t]*(?:-{2,}.*(?:original message|copy of (?:the|your) message|returned message|unsent message|message headers|undelivered message)|original message headers:)/im;

const recipientLine = new RegExp(String.raw`^[ \t]*['"]?<?(${address})>?['"]?[ \t]*(?:$|:|\(|\.\.\.|on\s)`, 'imu');
const recipientPhrase = new RegExp(
  String.raw`(?:your message to|(?:wasn't|was not|could not be|couldn't be) delivered to|unable to deliver (?:your message )?to|rcpt to:)\s*<?(${address})`,
  'iu',
);

const statusField = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/;
/** In a notice only failures count: a transcript also shows the `250 2.1.0` of the steps that worked. */
const failureStatusAfterReplyCode = /(?<!\d)[45]\d\d[ -]#?([45]\.\d{1,3}\.\d{1,3})(?!\.?\d)/;
const failureStatus = /(?<![\w.])([45]\.\d{1,3}\.\d{1,3})(?!\.?\d)/;
const smtpReplyCode = /(?:^[ \t]*[#(]?|said:\s*|returned\s*'?|reason:\s*)([45])\d\d(?=[ :-])/im;
const delayWording =
  /delay|will (?:be retried|retry|keep trying|continue)|still (?:being )?(?:retried|trying)|not yet been delivered|temporar/i;
const hardFailureWording =
  /permanent(?:ly)? (?:error|failure|fatal)|failed permanently|fatal errors?|given up|user unknown|unknown user|no such (?:user|mailbox|recipient)|does(?: not|n't) exist|no mailbox here|address not found|couldn't be found|not listed in|mailbox unavailable|recipient address rejected|no longer accepts mail/i;

const messageIdLine = /^[ \t>]*message-id:[ \t]*(<[^<>\s]{1,996}>)/im;
const messageId = /^<[^<>\s]{1,996}>$/;

const autoReplyPhrases = [
  'automatic reply',
  'auto[- ]?reply',
  'auto[- ]?response',
  'out of (?:the )?office(?: auto[- ]?reply)?',
  'abwesenheitsnotiz',
  'automatische antwort',
  'réponse automatique',
  'risposta automatica',
  'fuori sede',
  'respuesta automática',
  'automatisch antwoord',
  'resposta automática',
  'autosvar',
].join('|');
/** "Automatic reply: …": no person starts a subject so. */
const autoReplySubjectPrefix = new RegExp(`^(?:${autoReplyPhrases})\\s*:`, 'i');
/** "Out of Office" alone: a person might write it too, so it only counts on an answer. */
const autoReplyWholeSubject = new RegExp(`^(?:${autoReplyPhrases})[\\s.!]*$`, 'i');

/** The rule that recognised machine mail: each names the evidence it needs (see the README's table). */
export type MachineMailRule =
  | 'feedback-report-mime'
  | 'legacy-feedback-report'
  | 'provider-json-notification'
  | 'delivery-status-report'
  | 'failed-recipients-header'
  | 'daemon-sender'
  | 'error-subject'
  | 'bounce-wording-from-machine'
  | 'list-manager-notice'
  | 'returned-message-with-error'
  | 'own-message-id'
  | 'auto-reply-headers'
  | 'auto-reply-subject'
  | 'read-receipt'
  | 'list-headers'
  | 'list-manager-headers'
  | 'auto-submitted'
  | 'null-sender';

export interface Recognition {
  automation: Automation;
  rule: MachineMailRule;
  /** The Message-ID of the message a report or notice is about (returned, quoted or answered), when it names one. */
  aboutMessageId?: string;
}

/** Why a mail was written by a machine, or undefined for mail a person wrote; see `recogniseAutomation`. */
export function detectAutomation(input: AutomationInput): Automation | undefined {
  return recogniseAutomation(input)?.automation;
}

/**
 * Why a mail was written by a machine and by which rule, or undefined for mail a person wrote. Machine mail
 * never opens a ticket, so a person's mail must never match: weak signs (subjects, notice wording, a sender's
 * name) only count together with another one. Delivery and feedback reports come first, as they also carry
 * the headers of auto-replies.
 */
export function recogniseAutomation(input: AutomationInput): Recognition | undefined {
  const recognised = (automation: Automation, rule: MachineMailRule): Recognition => {
    const aboutMessageId = automation.bounce?.originalMessageId ?? originalMessageIdOf(input);
    return { automation, rule, ...(aboutMessageId ? { aboutMessageId } : {}) };
  };
  const feedbackRule = isFeedbackReport(input) ? 'feedback-report-mime' : undefined;
  if (feedbackRule) return recognised({ kind: 'feedback-report' }, feedbackRule);
  const bounceRule = standardBounceRule(input);
  if (bounceRule) return recognised(bounceOf(input), bounceRule);
  for (const rule of nonstandardReportRules) {
    const kind = rule.recognise(input);
    if (kind) return recognised(kind === 'bounce' ? bounceOf(input) : { kind }, rule.name as MachineMailRule);
  }
  if (isOwnMailComingBack(input)) return recognised({ kind: 'loop' }, 'own-message-id');
  const machine = machineMailKind(input);
  if (machine) return recognised({ kind: machine.kind }, machine.rule);
  // RFC 5321 keeps the null sender for delivery notices; auto-replies using it were recognised above.
  return hasNullSender(input) ? recognised(bounceOf(input), 'null-sender') : undefined;
}

/** The detection input of a mail parsed by mailparser (streaming or simpleParser). */
export function automationInputFromParsedMail(mail: ParsedMailView, context: MailContext): AutomationInput {
  const { headers } = mail;
  return {
    envelopeFrom: context.envelopeFrom,
    fromAddress: senderOf(headers.get('from')) ?? context.envelopeFrom ?? '',
    subject: headerTexts(headers, 'subject')[0] ?? '',
    headers,
    parts: mail.attachments,
    messageId: headerTexts(headers, 'message-id')[0],
    ownDomains: context.ownDomains,
    text: mail.text,
  };
}

function isFeedbackReport(input: AutomationInput): boolean {
  return reportType(input.headers) === 'feedback-report' || hasPart(input, 'message/feedback-report');
}

function isDeliveryReport(input: AutomationInput): boolean {
  return reportType(input.headers) === 'delivery-status' || input.parts.some((part) => deliveryStatusTypes.has(partType(part)));
}

function isReadReceipt(input: AutomationInput): boolean {
  return reportType(input.headers) === 'disposition-notification' || hasPart(input, 'message/disposition-notification');
}

/**
 * A delivery report, the failed-recipients header, a daemon sender; else an error subject or the notice wording
 * of an MTA, each only with a second sign: a null or auto-submitted sender, a list manager's address, or the
 * message it returns attached.
 */
function standardBounceRule(input: AutomationInput): MachineMailRule | undefined {
  if (isDeliveryReport(input)) return 'delivery-status-report';
  if (input.headers.has('x-failed-recipients')) return 'failed-recipients-header';
  if (hasDaemonSender(input)) return 'daemon-sender';
  const subjectSaysSo = bounceSubject.test(input.subject.trim());
  const wordingSaysSo = bounceWording.test(scannedText(input.text));
  const sentByMachine = hasNullSender(input) || isAutoSubmitted(input.headers);
  const secondSign = wordingSaysSo || sentByMachine || isListManagerAddress(input.fromAddress) || returnsMessageToItsSender(input);
  if (subjectSaysSo && secondSign) return 'error-subject';
  return wordingSaysSo && sentByMachine ? 'bounce-wording-from-machine' : undefined;
}

function hasDaemonSender({ fromAddress, envelopeFrom }: AutomationInput): boolean {
  return [fromAddress, envelopeFrom ?? ''].some((sender) => daemonLocalPart.test(sender.split('@')[0].trim()));
}

function hasNullSender({ envelopeFrom, headers }: AutomationInput): boolean {
  const nullEnvelope = envelopeFrom === null || ['', '<>'].includes(envelopeFrom.trim());
  return nullEnvelope || (headers.has('return-path') && senderOf(headers.get('return-path')) === undefined);
}

/** Our own Message-ID form (not just our domain: staff mail clients also use it) or our X-Loop mark. */
function isOwnMailComingBack({ messageId, headers, ownDomains }: AutomationInput): boolean {
  const id = messageId?.trim().toLowerCase() ?? '';
  const loopTokens = headerTexts(headers, 'x-loop').flatMap((value) => value.toLowerCase().split(/[\s,<>]+/));
  return ownDomains
    .map((domain) => `@${domain.toLowerCase()}`)
    .some(
      (atDomain) =>
        (id.startsWith(helpgateMessageIdPrefix) && id.endsWith(`${atDomain}>`)) || loopTokens.some((token) => token.endsWith(atDomain)),
    );
}

/** Explicit auto-reply signs first, then list mail, then generic machine signs. */
function machineMailKind(input: AutomationInput): { kind: 'auto-reply' | 'bulk'; rule: MachineMailRule } | undefined {
  const { headers } = input;
  const autoReplyRule = automaticReplyRule(input);
  if (autoReplyRule) return { kind: 'auto-reply', rule: autoReplyRule };
  if (isBulkMail(headers)) return { kind: 'bulk', rule: 'list-headers' };
  if (listManagerHeadersRule.recognise(input)) return { kind: 'bulk', rule: 'list-manager-headers' };
  if (isAutoSubmitted(headers) || suppressesAutoReplies(headers) || headers.has('x-loop'))
    return { kind: 'auto-reply', rule: 'auto-submitted' };
  return undefined;
}

function automaticReplyRule(input: AutomationInput): MachineMailRule | undefined {
  const { headers } = input;
  const autoReplyHeaders =
    autoSubmitted(headers) === 'auto-replied' ||
    headers.has('x-autoreply') ||
    headers.has('x-autorespond') ||
    precedences(headers).includes('auto_reply');
  if (autoReplyHeaders) return 'auto-reply-headers';
  if (isReadReceipt(input)) return 'read-receipt';
  return hasAutoReplySubject(input) ? 'auto-reply-subject' : undefined;
}

function hasAutoReplySubject(input: AutomationInput): boolean {
  const subject = input.subject.trim();
  if (autoReplySubjectPrefix.test(subject)) return true;
  return autoReplyWholeSubject.test(subject) && (input.headers.has('in-reply-to') || hasNullSender(input));
}

function isBulkMail(headers: ReadonlyMap<string, unknown>): boolean {
  // mailparser folds the List-* headers into one `list` entry keyed by what follows "List-".
  const list = headers.get('list');
  const isListMail = isRecord(list) && ('id' in list || 'unsubscribe' in list);
  return isListMail || precedences(headers).some((precedence) => ['bulk', 'list', 'junk'].includes(precedence));
}

function isAutoSubmitted(headers: ReadonlyMap<string, unknown>): boolean {
  const value = autoSubmitted(headers);
  return value !== undefined && value !== '' && value !== 'no';
}

/** The Auto-Submitted keyword, without its parameters (`auto-replied; owner-email=…`). */
function autoSubmitted(headers: ReadonlyMap<string, unknown>): string | undefined {
  return headerTexts(headers, 'auto-submitted')[0]?.split(/[;(]/)[0].trim().toLowerCase();
}

function precedences(headers: ReadonlyMap<string, unknown>): string[] {
  return [...headerTexts(headers, 'precedence'), ...headerTexts(headers, 'x-precedence')].map((value) => value.toLowerCase());
}

function suppressesAutoReplies(headers: ReadonlyMap<string, unknown>): boolean {
  return headerTexts(headers, 'x-auto-response-suppress').some((value) => /\b(?:all|oof|autoreply)\b/i.test(value));
}

function bounceOf(input: AutomationInput): Automation {
  const relayed = providerNotificationOf(input.text);
  if (relayed?.type === 'bounce') {
    const { type: _type, ...bounce } = relayed;
    return { kind: 'bounce', bounce };
  }
  const report = failedRecipientReport(input.parts);
  const notice = noticeOf(input.text);
  const recipient = report?.recipient ?? failedRecipientHeader(input.headers) ?? recipientIn(notice);
  const status = report?.status ?? failureStatusIn(report?.diagnostic ?? '') ?? failureStatusIn(notice);
  const originalMessageId = originalMessageIdOf(input);
  const bounce: Bounce = {
    ...(originalMessageId ? { originalMessageId } : {}),
    ...(recipient ? { recipient } : {}),
    ...(status ? { status } : {}),
    permanent: isPermanentFailure(status, report?.action, `${input.subject}\n${notice}`),
  };
  return { kind: 'bounce', bounce };
}

/** The DSN block of the recipient that failed, else of one that is delayed (RFC 3464 per-recipient fields). */
function failedRecipientReport(parts: readonly MailPart[]): RecipientReport | undefined {
  const reports = parts
    .filter((part) => deliveryStatusTypes.has(partType(part)))
    .flatMap((part) => fieldGroups(partText(part)))
    .map(recipientReportOf)
    .filter((report) => report.recipient !== undefined || report.status !== undefined);
  return (
    reports.find((report) => report.action === 'failed') ??
    reports.find((report) => report.status?.startsWith('5')) ??
    reports.find((report) => report.action === 'delayed') ??
    reports[0]
  );
}

function recipientReportOf(fields: Map<string, string>): RecipientReport {
  // The original recipient is the address we sent to, the final one where forwarding led it.
  const recipient = addressIn(fields.get('original-recipient') ?? '') ?? addressIn(fields.get('final-recipient') ?? '');
  const status = statusField.exec(fields.get('status') ?? '')?.[1];
  return { recipient, status, action: fields.get('action')?.toLowerCase(), diagnostic: fields.get('diagnostic-code') };
}

/** Blocks of `Name: value` fields separated by blank lines, folded lines joined, names in lower case. */
function fieldGroups(text: string): Map<string, string>[] {
  return text.split(/\r?\n[ \t]*\r?\n/).map((block) => {
    const fields = new Map<string, string>();
    for (const line of unfold(block).split(/\r?\n/)) {
      const field = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
      if (field && !fields.has(field[1].toLowerCase())) fields.set(field[1].toLowerCase(), field[2].trim());
    }
    return fields;
  });
}

function failedRecipientHeader(headers: ReadonlyMap<string, unknown>): string | undefined {
  return headerTexts(headers, 'x-failed-recipients').map(addressIn).find(Boolean);
}

/** The failed address in a notice: on a line of its own (Postfix, qmail, Exim, Sendmail, Domino) or in a sentence. */
function recipientIn(notice: string): string | undefined {
  const found = [recipientLine.exec(notice), recipientPhrase.exec(notice)]
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((first, second) => first.index - second.index)[0];
  return found ? addressIn(found[1]) : undefined;
}

function originalMessageIdOf(input: AutomationInput): string | undefined {
  const returnedHeaders = input.parts.filter((part) => returnedMessageTypes.has(partType(part))).map((part) => headerBlock(partText(part)));
  const quoted = [...returnedHeaders, scannedText(input.text)].map((text) => messageIdLine.exec(unfold(text))?.[1]).find(Boolean);
  // Some MTAs (Gmail, Exchange) thread their notice to the message it returns.
  return quoted ?? headerTexts(input.headers, 'in-reply-to').find((value) => messageId.test(value));
}

/** 5.x.x is permanent, 4.x.x is not; without a status only a clear hard failure is permanent. */
function isPermanentFailure(status: string | undefined, action: string | undefined, notice: string): boolean {
  if (status) return status.startsWith('5');
  if (action) return action === 'failed';
  const replyClass = smtpReplyCode.exec(notice)?.[1];
  if (replyClass) return replyClass === '5';
  return hardFailureWording.test(notice) && !delayWording.test(notice);
}

function failureStatusIn(text: string): string | undefined {
  return (failureStatusAfterReplyCode.exec(text) ?? failureStatus.exec(text))?.[1];
}

/** The notice of a textual bounce: its text up to the copy of the returned message. */
function noticeOf(text: string | undefined): string {
  const scanned = scannedText(text);
  const marker = returnedMessageMarker.exec(scanned);
  return marker ? scanned.slice(0, marker.index) : scanned;
}

function hasPart(input: AutomationInput, contentType: string): boolean {
  return input.parts.some((part) => partType(part) === contentType);
}

function reportType(headers: ReadonlyMap<string, unknown>): string {
  const contentType = headers.get('content-type');
  const params = isRecord(contentType) && isRecord(contentType.params) ? contentType.params : {};
  return String(params['report-type'] ?? '')
    .trim()
    .toLowerCase();
}
