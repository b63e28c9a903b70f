import type { ChatMessage, Transcript } from '../../help-center/lib/transcript';

export type { ChatFile, ChatMessage } from '../../help-center/lib/transcript';

/** A queued conversation as `/agent` sends it (apps/chat/src/protocol/protocol.ts, queueEntrySchema). */
export interface QueueEntry {
  conversationId: string;
  position: number;
  reason: string;
  language: string | null;
  enqueuedAt: string;
  preview: string;
}

export type ConversationState = 'bot' | 'queued' | 'assigned' | 'awaiting_email' | 'closed' | 'escalated';

export interface ConversationVisitor {
  id: string;
  name: string | null;
  email: string | null;
  contactId: string | null;
}

/** A conversation the agent has (`conversations.mine`), with who is on the other end. */
export interface AgentConversation {
  id: string;
  state: ConversationState;
  language: string | null;
  queueReason: string | null;
  assignedAgent: { id: string; name: string } | null;
  lastSequence: number;
  createdAt: string;
  endedAt: string | null;
  outcome: string | null;
  visitor: ConversationVisitor;
}

/** One chat open in the console: the conversation, everything said in it, and whether the visitor is typing. */
export interface OpenChat {
  conversation: AgentConversation;
  transcript: Transcript;
  visitorTyping: boolean;
}

export type Presence = 'available' | 'away' | 'offline';

export type { Transcript, ChatMessage as Message };
