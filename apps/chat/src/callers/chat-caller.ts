import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { VisitorSession } from '../visitors/visitor-authentication';

/** Who calls one of chat's participant routes: an agent (identity's token), or a visitor (its conversation or contact token). */
export type ChatCaller = { kind: 'agent'; agentId: string } | { kind: 'visitor'; session: VisitorSession };

export interface ChatCallerRequest extends Request {
  chatCaller?: ChatCaller;
}

/** The caller `ChatCallerGuard` verified. */
export const CurrentChatCaller = createParamDecorator((_data: unknown, context: ExecutionContext): ChatCaller => {
  const caller = context.switchToHttp().getRequest<ChatCallerRequest>().chatCaller;
  if (!caller) throw new Error('CurrentChatCaller used on a route without ChatCallerGuard');
  return caller;
});
