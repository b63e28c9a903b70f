/**
 * Why an AI agent's conversation went to the people (recorded on the conversation): the visitor asked in words, its
 * answers stayed below the confidence threshold, the language model failed or timed out, the model asked for it, or
 * an agent took it over from the console.
 */
export const aiHandoverReasons = ['visitor_asked', 'low_confidence', 'provider_failure', 'model_requested', 'agent_takeover'] as const;
export type AiHandoverReason = (typeof aiHandoverReasons)[number];

/** One turn the AI agent answers: the conversation so far and the visitor's newest message. */
export interface AiTurn {
  conversationId: string;
  /** The conversation's language (one of `CHAT_LANGUAGES`), or null while it cannot be told. */
  language: string | null;
  /** The messages before the newest one, oldest first. */
  history: readonly { author: 'visitor' | 'ai' | 'agent' | 'system'; text: string }[];
  visitorMessage: string;
  /** Whether a person could take the conversation now: the agent offers one only then, else the ticket path. */
  personReachable: boolean;
}

/** Where an AI agent's answer streams, part by part, as it is written (the complete answer is stored once). */
export interface AiReplySink {
  stream(part: string): void;
}

export type AiTurnOutcome =
  /** An answer to store as the AI's message; not `confident` when the articles did not answer the question. */
  | { kind: 'answered'; text: string; confident: boolean }
  | { kind: 'handover'; reason: Extract<AiHandoverReason, 'provider_failure' | 'model_requested'> };

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
    throw new Error('CHAT_AI_AGENT=none answers no turn: its conversations start with the people');
  }
}
