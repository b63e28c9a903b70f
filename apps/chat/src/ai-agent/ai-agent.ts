/** Why an AI agent hands a conversation to the people (recorded as the queue reason). */
export type AiHandoverReason = 'visitor_asked' | 'low_confidence' | 'provider_failure';

/** One turn the AI agent answers: the conversation so far and the visitor's newest message. */
export interface AiTurn {
  conversationId: string;
  language: string | null;
  history: readonly { author: 'visitor' | 'ai' | 'agent' | 'system'; text: string }[];
  visitorMessage: string;
}

/** Where an AI agent's answer goes: streamed in parts as it is produced, then completed (stored as one message). */
export interface AiReplySink {
  stream(part: string): void;
  complete(text: string): Promise<void>;
}

export type AiTurnOutcome = { kind: 'answered' } | { kind: 'handover'; reason: AiHandoverReason };

/**
 * The first responder of a conversation. With one configured, a new conversation starts with it (`bot`) and enters
 * the human queue only when it hands over; without one (`none`), conversations go straight to the people.
 */
export interface AiAgent {
  readonly kind: string;
  /** Whether new conversations start with this agent. */
  readonly answersFirst: boolean;
  respond(turn: AiTurn, reply: AiReplySink): Promise<AiTurnOutcome>;
}

export const AI_AGENT = Symbol('AI_AGENT');

/** `CHAT_AI_AGENT=none`: no AI agent; every conversation goes to the people (queue reason `no_ai_agent`). */
export class NoAiAgent implements AiAgent {
  readonly kind = 'none';
  readonly answersFirst = false;

  async respond(): Promise<AiTurnOutcome> {
    return { kind: 'handover', reason: 'visitor_asked' };
  }
}
