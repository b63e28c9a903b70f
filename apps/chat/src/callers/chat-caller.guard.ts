import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { TOKEN_KEYS } from '../chat-core.tokens';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { identityTokenClaims } from '../domain/identity-token';
import { VisitorAuthentication } from '../visitors/visitor-authentication';
import { VisitorTokens } from '../visitors/visitor-token';
import type { ChatCaller, ChatCallerRequest } from './chat-caller';

/**
 * Verifies `Authorization: Bearer` on routes marked `@GuardedByRoute()`, which libs/auth's guard leaves to it: chat's own
 * visitor conversation token, or identity's agent or contact token (a contact is the visitor it chats as). No token,
 * or one that is neither, is `401 unauthenticated`.
 */
@Injectable()
export class ChatCallerGuard implements CanActivate {
  constructor(
    private readonly visitorTokens: VisitorTokens,
    private readonly visitors: VisitorAuthentication,
    @Inject(TOKEN_KEYS) private readonly publicKeys: ReadonlyMap<string, KeyObject>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ChatCallerRequest>();
    request.chatCaller = await this.callerOf(request.headers.authorization);
    return true;
  }

  private async callerOf(authorization: string | undefined): Promise<ChatCaller> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token)
      throw new ChatException(
        ChatErrorCode.Unauthenticated,
        'A bearer token is required: a conversation token, or an agent or contact token',
      );
    if (this.visitorTokens.verify(token)) return { kind: 'visitor', session: await this.visitors.authenticate({ visitorToken: token }) };
    const claims = identityTokenClaims(token, this.publicKeys);
    if (claims.kind === 'agent') return { kind: 'agent', agentId: claims.sub };
    return { kind: 'visitor', session: await this.visitors.ofContact(claims.sub) };
  }
}
