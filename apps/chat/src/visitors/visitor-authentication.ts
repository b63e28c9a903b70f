import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InvalidTokenError, verifyToken } from '@helpgate/auth';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { TOKEN_KEYS } from '../chat-core.tokens';
import { VisitorTokens } from './visitor-token';
import { VisitorsRepository } from './visitors.repository';

/** Who a visitor socket or request is; `visitorToken` is set for anonymous visitors, whose browser keeps it. */
export interface VisitorSession {
  visitorId: string;
  contactId: string | null;
  visitorToken: string | null;
}

export interface VisitorCredentials {
  visitorToken?: unknown;
  contactToken?: unknown;
}

@Injectable()
export class VisitorAuthentication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visitors: VisitorsRepository,
    private readonly tokens: VisitorTokens,
    @Inject(TOKEN_KEYS) private readonly publicKeys: ReadonlyMap<string, KeyObject>,
  ) {}

  /**
   * A contact token from identity (the portal) makes the contact's own visitor; a conversation token chat signed finds
   * its visitor again; no credentials start a new anonymous visitor. Anything else is refused.
   */
  async authenticate(credentials: VisitorCredentials): Promise<VisitorSession> {
    if (typeof credentials.contactToken === 'string') return this.asContact(credentials.contactToken);
    if (typeof credentials.visitorToken === 'string') return this.asKnownVisitor(credentials.visitorToken);
    if (credentials.contactToken !== undefined || credentials.visitorToken !== undefined) throw unauthenticated('tokens are strings');
    return this.dataSource.transaction(async (manager) => {
      const visitor = await this.visitors.createAnonymous(manager);
      return { visitorId: visitor.id, contactId: null, visitorToken: this.tokens.sign(visitor.id) };
    });
  }

  private async asContact(token: string): Promise<VisitorSession> {
    let claims;
    try {
      claims = verifyToken(token, this.publicKeys, Math.floor(Date.now() / 1000));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(`invalid contact token: ${error.message}`, error);
      throw error;
    }
    if (claims.kind !== 'contact') throw unauthenticated('a contact token is required on /visitor');
    return this.ofContact(claims.sub);
  }

  /** The visitor a contact chats as, whichever way its token was verified. */
  async ofContact(contactId: string): Promise<VisitorSession> {
    const visitor = await this.dataSource.transaction((manager) => this.visitors.findOrCreateForContact(contactId, manager));
    return { visitorId: visitor.id, contactId, visitorToken: null };
  }

  private async asKnownVisitor(token: string): Promise<VisitorSession> {
    const visitorId = this.tokens.verify(token);
    const visitor = visitorId ? await this.visitors.findById(visitorId, this.dataSource.manager) : null;
    if (!visitor) throw unauthenticated('unknown conversation token');
    return { visitorId: visitor.id, contactId: visitor.contactId, visitorToken: token };
  }
}

function unauthenticated(reason: string, cause?: unknown): ChatException {
  return new ChatException(ChatErrorCode.Unauthenticated, `Not signed in: ${reason}`, { cause });
}
