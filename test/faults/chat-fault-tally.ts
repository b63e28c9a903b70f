import type { SentMessage } from './chat-participant';
import type { ChatFaultRow } from './fault-table';

/** What chat's database holds once a chat scenario is over. */
export interface ChatObserved {
  /** Every stored message of the scenario's conversations. */
  messages: { conversationId: string; clientId: string; sequence: number }[];
  /** Each visitor's conversations. */
  conversationsPerVisitor: string[][];
  /** The conversations in the queue. */
  queue: string[];
}

export interface ChatLoad {
  /** The conversation each visitor started, and whether an agent accepted it. */
  conversations: { id: string; accepted: boolean }[];
  /** Every message sent after the conversations started, by visitors and agents alike. */
  sent: SentMessage[];
  resumeGaps: number;
}

/** Counts, message by message and conversation by conversation, what chat kept of a load. */
export function chatTally(scenario: string, load: ChatLoad, observed: ChatObserved): ChatFaultRow {
  const sentIds = new Set(load.sent.map((message) => `${message.conversationId}/${message.clientId}`));
  const stored = new Map<string, number[]>();
  for (const message of observed.messages) {
    const key = `${message.conversationId}/${message.clientId}`;
    if (sentIds.has(key)) stored.set(key, [...(stored.get(key) ?? []), message.sequence]);
  }
  const acknowledged = load.sent.filter((message) => message.acknowledgedSequence !== undefined);
  const lostMessages = acknowledged.filter((message) => {
    const sequences = stored.get(`${message.conversationId}/${message.clientId}`) ?? [];
    return !sequences.includes(message.acknowledgedSequence!);
  }).length;
  const started = new Set(observed.conversationsPerVisitor.flat());
  const lostConversations = load.conversations.filter((conversation) => !started.has(conversation.id)).length;
  const queued = load.conversations.filter((conversation) => !conversation.accepted).map((conversation) => conversation.id);
  const inQueue = new Set(observed.queue);
  const stillQueued = queued.filter((id) => inQueue.has(id)).length;
  return {
    scenario,
    conversations: load.conversations.length,
    queued: queued.length,
    stillQueued,
    sent: load.sent.length,
    resent: load.sent.filter((message) => message.resent).length,
    acknowledged: acknowledged.length,
    stored: stored.size,
    resumeGaps: load.resumeGaps,
    lost: lostMessages + lostConversations + (queued.length - stillQueued),
    duplicated:
      [...stored.values()].reduce((total, sequences) => total + sequences.length - 1, 0) +
      observed.conversationsPerVisitor.reduce((total, conversations) => total + Math.max(conversations.length - 1, 0), 0),
  };
}
