import { ChatErrorCode, ChatException } from '../domain/chat.exception';

/**
 * Where a conversation is: with the AI agent (`bot`), waiting for a person (`queued`), with an agent (`assigned`),
 * waiting for the visitor's email before it becomes a ticket (`awaiting_email`), or ended (`closed`, `escalated`).
 */
export const conversationStates = ['bot', 'queued', 'assigned', 'awaiting_email', 'closed', 'escalated'] as const;
export type ConversationState = (typeof conversationStates)[number];

const moves: Record<ConversationState, readonly ConversationState[]> = {
  // bot → assigned is an agent taking the conversation over from the AI agent, past the queue.
  bot: ['queued', 'assigned', 'awaiting_email', 'escalated', 'closed'],
  queued: ['assigned', 'awaiting_email', 'escalated', 'closed'],
  // assigned → assigned is a transfer to a colleague; assigned → queued a transfer back, or an agent who dropped.
  assigned: ['assigned', 'queued', 'awaiting_email', 'escalated', 'closed'],
  awaiting_email: ['escalated', 'closed'],
  closed: [],
  escalated: [],
};

export function isEnded(state: ConversationState): boolean {
  return moves[state].length === 0;
}

export function canMove(from: ConversationState, to: ConversationState): boolean {
  return moves[from].includes(to);
}

/** Refuses a move the state machine does not have: ended conversations never change, anything else is a conflict. */
export function requireMove(from: ConversationState, to: ConversationState): void {
  if (canMove(from, to)) return;
  if (isEnded(from)) throw new ChatException(ChatErrorCode.ConversationEnded, `The conversation has ended (${from})`);
  throw new ChatException(ChatErrorCode.NotQueued, `A conversation that is ${from} cannot become ${to}`);
}

export const conversationOutcomes = ['closed_by_agent', 'closed_by_visitor', 'escalated', 'abandoned'] as const;
export type ConversationOutcome = (typeof conversationOutcomes)[number];

/** How a closed conversation ended: a visitor who leaves before any person answered abandoned it. */
export function outcomeOfClosing(closedBy: 'agent' | 'visitor', reachedPerson: boolean): ConversationOutcome {
  if (closedBy === 'agent') return 'closed_by_agent';
  return reachedPerson ? 'closed_by_visitor' : 'abandoned';
}
