import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { helpgateMessageIdPrefix } from '@helpgate/contracts';

/**
 * Signed references to a ticket that travel in mail we send: the Message-ID of every outbound mail
 * and the per-ticket reply address. Only Helpgate can make them, so a reply carrying one joins its
 * ticket even when the quoted headers were lost, and nobody can forge one to reach another ticket.
 */
export class ThreadTokens {
  constructor(private readonly secret: string) {}

  /** `<hg.<ticket>.<nonce>.<signature>@domain>` */
  messageIdFor(ticketId: string, domain: string): string {
    const ticket = compactUuid(ticketId);
    const nonce = randomBytes(6).toString('hex');
    return `${helpgateMessageIdPrefix}${ticket}.${nonce}.${this.sign('message', ticket, nonce)}@${domain}>`;
  }

  /** `support+t<ticket>.<signature>@domain` for the support address `support@domain`. */
  replyAddressFor(ticketId: string, supportAddress: string): string {
    const at = supportAddress.lastIndexOf('@');
    const ticket = compactUuid(ticketId);
    return `${supportAddress.slice(0, at)}+t${ticket}.${this.sign('reply', ticket, '')}${supportAddress.slice(at)}`;
  }

  /** The ticket a Message-ID of ours refers to, or null for any other or forged id. */
  ticketOfMessageId(messageId: string): string | null {
    const match = /^<hg\.([0-9a-f]{32})\.([0-9a-f]{12})\.([0-9a-f]{20})@[^<>\s]+>$/i.exec(messageId.trim());
    if (!match) return null;
    const [, ticket, nonce, signature] = match;
    return this.verify(signature, 'message', ticket.toLowerCase(), nonce.toLowerCase()) ? expandUuid(ticket) : null;
  }

  /** The ticket a per-ticket reply address refers to, or null. */
  ticketOfReplyAddress(address: string): string | null {
    const match = /^[^@+\s]+\+t([0-9a-f]{32})\.([0-9a-f]{20})@[^@\s]+$/i.exec(address.trim());
    if (!match) return null;
    const [, ticket, signature] = match;
    return this.verify(signature, 'reply', ticket.toLowerCase(), '') ? expandUuid(ticket) : null;
  }

  private sign(purpose: string, ticket: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${ticket}:${nonce}`).digest('hex').slice(0, 20);
  }

  private verify(signature: string, purpose: string, ticket: string, nonce: string): boolean {
    const expected = Buffer.from(this.sign(purpose, ticket, nonce));
    const given = Buffer.from(signature.toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function compactUuid(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}

function expandUuid(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
