import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChatVisitor, Topics } from '@helpgate/contracts';
import { AgentsRepository } from '../agents/agents.repository';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationViews } from '../conversations/conversation-views';
import { MessagesRepository } from '../messages/messages.repository';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { RatingsRepository } from '../ratings/ratings.repository';
import { VisitorsRepository } from '../visitors/visitors.repository';

/** The record of a conversation that other services receive: who the visitor is and what was said. */
@Injectable()
export class TranscriptRecorder {
  constructor(
    private readonly visitors: VisitorsRepository,
    private readonly contacts: ContactsRepository,
    private readonly messages: MessagesRepository,
    private readonly agents: AgentsRepository,
    private readonly ratings: RatingsRepository,
    private readonly views: ConversationViews,
  ) {}

  /** Who the visitor is as far as chat knows: its contact, else the name and address it gave. */
  async visitorOf(conversation: ConversationEntity, tx: ChatTransaction): Promise<ChatVisitor> {
    const visitor = await this.visitors.findById(conversation.visitorId, tx.manager);
    const contact = visitor?.contactId ? await this.contacts.findContact(visitor.contactId, tx.manager) : null;
    const email = visitor?.email ?? contact?.email;
    const name = visitor?.name ?? contact?.name;
    return {
      visitorId: conversation.visitorId,
      ...(visitor?.contactId ? { contactId: visitor.contactId } : {}),
      ...(email ? { email } : {}),
      ...(name ? { name } : {}),
    };
  }

  async transcriptOf(conversation: ConversationEntity, visitor: ChatVisitor, tx: ChatTransaction) {
    const messages = await this.messages.after(conversation.id, 0, tx.manager);
    return { messages, transcript: await this.views.transcript(messages, visitor.name ?? null, tx.manager) };
  }

  /**
   * `chat.transcript.recorded.v1` for a conversation that reached a person, in the transaction that ended it; a
   * conversation with the AI agent alone stays in chat's history only.
   */
  async recordIfHuman(conversation: ConversationEntity, tx: ChatTransaction): Promise<void> {
    if (!conversation.firstAssignedAt || !conversation.outcome || !conversation.endedAt) return;
    const visitor = await this.visitorOf(conversation, tx);
    const { messages, transcript } = await this.transcriptOf(conversation, visitor, tx);
    const agentIds = [
      ...new Set([conversation.assignedAgentId, ...messages.map((m) => m.agentId)].filter((id): id is string => id !== null)),
    ];
    const names = await this.agents.namesOf(agentIds, tx.manager);
    const rating = await this.ratings.ratingOf(conversation.id, tx.manager);
    await tx.outbox.add(Topics.ChatTranscriptRecorded, conversation.id, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      conversationId: conversation.id,
      visitor,
      outcome: conversation.outcome,
      agents: agentIds.map((id) => ({ id, name: names.get(id) ?? 'Agent' })),
      ...(rating ? { rating } : {}),
      ...(conversation.language ? { language: conversation.language } : {}),
      transcript,
      startedAt: conversation.createdAt.toISOString(),
      endedAt: conversation.endedAt.toISOString(),
    });
  }
}
