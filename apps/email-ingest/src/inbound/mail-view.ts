/** Small readers of a parsed mail (mailparser's header map, its MIME parts) that the machine-mail rules share. */

/** A MIME part other than the bodies, as mailparser lists attachments. */
export interface MailPart {
  contentType: string;
  content: Buffer;
}

/** Reports say what they must in their first kilobytes; a huge body must not cost more. */
export const maxScannedChars = 64 * 1024;

const address = String.raw`[^\s<>()[\]"',;:@]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}`;
export const addressSource = address;
const addressPattern = new RegExp(address, 'u');

/** Parts that carry a returned or reported message, or its headers. */
export const returnedMessageTypes = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers']);

export function addressIn(text: string): string | undefined {
  const found = addressPattern.exec(text)?.[0];
  return found && found.length <= 320 ? found : undefined;
}

export function headerBlock(message: string): string {
  return message.split(/\r?\n\r?\n/)[0];
}

export function unfold(text: string): string {
  return text.replace(/\r?\n[ \t]+/g, ' ');
}

export function scannedText(text: string | undefined): string {
  return (text ?? '').slice(0, maxScannedChars).replace(/\r\n?/g, '\n');
}

export function partText(part: MailPart): string {
  return part.content.subarray(0, maxScannedChars).toString('utf8');
}

export function partType(part: MailPart): string {
  return part.contentType.trim().toLowerCase();
}

/** Every value of a header as text: mailparser gives a string, an array for a repeated header, or `{ value }`. */
export function headerTexts(headers: ReadonlyMap<string, unknown>, name: string): string[] {
  const value = headers.get(name);
  const values: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.map((entry) => String(isRecord(entry) && 'value' in entry ? entry.value : entry).trim());
}

/** The value of a header field in a block of raw header lines (a returned message's), unfolded. */
export function rawHeaderField(block: string, name: string): string | undefined {
  const field = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'im').exec(unfold(block));
  return field?.[1].trim();
}

/**
 * The first mailbox of an address header as mailparser parses it: its address, or the bare word of a
 * sender written without a domain (`From: MAILER-DAEMON`); undefined when there is none (`<>`).
 */
export function senderOf(field: unknown): string | undefined {
  const first: unknown = Array.isArray(field) ? field[0] : field;
  const mailbox: unknown = isRecord(first) && Array.isArray(first.value) ? first.value[0] : undefined;
  if (!isRecord(mailbox)) return undefined;
  const { address, name } = mailbox;
  if (typeof address === 'string' && address !== '') return address;
  return typeof name === 'string' && /^[^\s@]+$/.test(name) ? name : undefined;
}

/** Every address of an address header as mailparser parses it, in lower case. */
export function addressesOf(field: unknown): string[] {
  const groups: unknown[] = Array.isArray(field) ? field : [field];
  return groups
    .flatMap((group) => (isRecord(group) && Array.isArray(group.value) ? (group.value as unknown[]) : []))
    .flatMap((mailbox) => (isRecord(mailbox) && typeof mailbox.address === 'string' ? [mailbox.address.toLowerCase()] : []));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
