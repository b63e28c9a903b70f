import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ChatTranscriptEntry } from '@helpgate/contracts';
import { AgentsRepository } from '../agents/agents.repository';
import { FilesRepository } from '../files/files.repository';
import type { MessageEntity } from '../messages/message.entity';
import type { ConversationView, MessageView } from '../protocol/protocol';
import type { ConversationEntity } from './conversation.entity';

/** Turns conversations and messages into what the protocol sends and what transcripts carry. */
@Injectable()
export class ConversationViews {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly files: FilesRepository,
  ) {}

  async conversation(conversation: ConversationEntity, manager: EntityManager): Promise<ConversationView> {
    return (await this.conversations([conversation], manager))[0]!;
  }

  async conversations(conversations: readonly ConversationEntity[], manager: EntityManager): Promise<ConversationView[]> {
    const names = await this.agents.namesOf(distinct(conversations.map((c) => c.assignedAgentId)), manager);
    return conversations.map((c) => ({
      id: c.id,
      state: c.state,
      language: c.language,
      queueReason: c.queueReason,
      previousConversationId: c.previousConversationId,
      assignedAgent: c.assignedAgentId ? { id: c.assignedAgentId, name: names.get(c.assignedAgentId) ?? 'Agent' } : null,
      lastSequence: c.lastSequence,
      createdAt: c.createdAt.toISOString(),
      endedAt: c.endedAt?.toISOString() ?? null,
      outcome: c.outcome,
    }));
  }

  async messages(messages: readonly MessageEntity[], manager: EntityManager): Promise<MessageView[]> {
    const names = await this.agents.namesOf(distinct(messages.map((m) => m.agentId)), manager);
    const files = await this.files.refsByIds(
      messages.flatMap((m) => m.fileIds),
      manager,
    );
    return messages.map((m) => ({
      conversationId: m.conversationId,
      sequence: m.sequence,
      clientId: m.clientId,
      author: m.authorKind,
      agentId: m.agentId,
      authorName: m.agentId ? (names.get(m.agentId) ?? 'Agent') : null,
      text: m.text,
      files: m.fileIds.flatMap((id) => files.get(id) ?? []),
      sentAt: m.sentAt.toISOString(),
    }));
  }

  /** The transcript of a conversation as tickets and identity receive it. */
  async transcript(messages: readonly MessageEntity[], visitorName: string | null, manager: EntityManager): Promise<ChatTranscriptEntry[]> {
    return (await this.messages(messages, manager)).map((m) => ({
      sequence: m.sequence,
      author: m.author,
      ...(m.agentId ? { agentId: m.agentId } : {}),
      authorName: m.authorName ?? authorNameOf(m.author, visitorName),
      text: m.text,
      files: m.files,
      sentAt: m.sentAt,
    }));
  }
}

function authorNameOf(author: MessageView['author'], visitorName: string | null): string {
  if (author === 'visitor') return visitorName ?? 'Visitor';
  return author === 'ai' ? 'AI agent' : 'Helpgate';
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
