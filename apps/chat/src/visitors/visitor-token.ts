import { createHmac, timingSafeEqual } from 'node:crypto';

const prefix = 'hgv1';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The conversation token an anonymous visitor's browser keeps: the visitor id with an HMAC of it, so a reload, a
 * dropped network or another tab finds the same visitor and nobody can make up another visitor's token. It does not
 * expire: it is the visitor's only key to its history, like a session cookie a site sets for its chat.
 */
export class VisitorTokens {
  constructor(private readonly secret: string) {}

  sign(visitorId: string): string {
    return `${prefix}.${visitorId}.${this.mac(visitorId)}`;
  }

  /** The visitor id of a token this service signed; null for anything else. */
  verify(token: string): string | null {
    const [tokenPrefix, visitorId, mac, ...rest] = token.split('.');
    if (tokenPrefix !== prefix || !visitorId || !mac || rest.length > 0 || !uuidPattern.test(visitorId)) return null;
    const expected = Buffer.from(this.mac(visitorId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? visitorId : null;
  }

  private mac(visitorId: string): string {
    return createHmac('sha256', this.secret).update(`visitor:${visitorId}`).digest('base64url');
  }
}
