import { z } from 'zod';
import { chatConversationOutcomes, chatTranscriptEntrySchema } from '@helpgate/contracts';
import type { ChatTranscriptEntity } from './chat-transcript.entity';

export const chatTranscriptSummarySchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    outcome: z.enum(chatConversationOutcomes),
    agents: z.array(z.object({ id: z.uuid(), name: z.string() })),
    rating: z.object({ score: z.number().int(), comment: z.string().optional() }).nullable(),
    language: z.string().nullable(),
    messageCount: z.number().int(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime(),
  })
  .meta({ id: 'ChatTranscriptSummary' });

export type ChatTranscriptSummaryDto = z.infer<typeof chatTranscriptSummarySchema>;

export const chatTranscriptSchema = chatTranscriptSummarySchema
  .extend({
    entries: z
      .array(chatTranscriptEntrySchema)
      .describe('In sequence order; `author` `ai` marks the AI agent’s answers. Files are downloaded from chat.'),
  })
  .meta({ id: 'ChatTranscript' });

export type ChatTranscriptDto = z.infer<typeof chatTranscriptSchema>;

/** What the customer sees of its own conversation: the messages as they were, without the staff's ids. */
export const ownChatTranscriptSummarySchema = chatTranscriptSummarySchema
  .extend({ agents: z.array(z.object({ name: z.string() })) })
  .meta({ id: 'OwnChatTranscriptSummary' });

export const ownChatTranscriptSchema = ownChatTranscriptSummarySchema
  .extend({ entries: z.array(chatTranscriptEntrySchema.omit({ agentId: true })) })
  .meta({ id: 'OwnChatTranscript' });

export type OwnChatTranscriptDto = z.infer<typeof ownChatTranscriptSchema>;

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
