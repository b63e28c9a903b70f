import type { ChatTranscriptEntry } from '@helpgate/contracts';
import type { ChatTranscriptEntity } from './chat-transcript.entity';

export interface ChatTranscriptSummaryDto {
  id: string;
  conversationId: string;
  outcome: string;
  agents: { id: string; name: string }[];
  rating: { score: number; comment?: string } | null;
  language: string | null;
  messageCount: number;
  startedAt: string;
  endedAt: string;
}

export interface ChatTranscriptDto extends ChatTranscriptSummaryDto {
  /** In sequence order; `author` `ai` marks the AI agent's answers. Files are downloaded from chat. */
  entries: ChatTranscriptEntry[];
}

/** What the customer sees of its own conversation: the messages as they were, without the staff's ids. */
export type OwnChatTranscriptDto = Omit<ChatTranscriptDto, 'agents' | 'entries'> & {
  agents: { name: string }[];
  entries: Omit<ChatTranscriptEntry, 'agentId'>[];
};

export function toChatTranscriptSummary(transcript: ChatTranscriptEntity): ChatTranscriptSummaryDto {
  return {
    id: transcript.id,
    conversationId: transcript.conversationId,
    outcome: transcript.outcome,
    agents: transcript.agents,
    rating: transcript.rating,
    language: transcript.language,
    messageCount: transcript.entries.length,
    startedAt: transcript.startedAt.toISOString(),
    endedAt: transcript.endedAt.toISOString(),
  };
}

export function toChatTranscript(transcript: ChatTranscriptEntity): ChatTranscriptDto {
  return { ...toChatTranscriptSummary(transcript), entries: transcript.entries };
}

export function toOwnChatTranscriptSummary(transcript: ChatTranscriptEntity): Omit<OwnChatTranscriptDto, 'entries'> {
  return { ...toChatTranscriptSummary(transcript), agents: transcript.agents.map(({ name }) => ({ name })) };
}

export function toOwnChatTranscript(transcript: ChatTranscriptEntity): OwnChatTranscriptDto {
  return {
    ...toOwnChatTranscriptSummary(transcript),
    entries: transcript.entries.map(({ agentId: _agentId, ...entry }) => entry),
  };
}
