import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChatEscalationReason, Topics } from '@helpgate/contracts';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { outcomeOfClosing, requireMove } from '../conversations/conversation-state';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationViews } from '../conversations/conversation-views';
import { FilesRepository, fileRefOf } from '../files/files.repository';
import { MessagePosting, tellParticipants } from '../messages/message-posting';
import { ChatMetrics } from '../metrics/chat-metrics';
import { QueueRepository } from '../queue/queue.repository';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { TranscriptRecorder } from '../transcripts/transcript-recorder';
import { nowATicketNotice } from '../visitor-texts/visitor-texts';

const subjectLength = 120;

/** How conversations end: closed by either side, or turned into a ticket (escalated) once chat knows who to answer. */
@Injectable()
export class ConversationEndings {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly queue: QueueRepository,
    private readonly files: FilesRepository,
    private readonly posting: MessagePosting,
    private readonly views: ConversationViews,
    private readonly transcripts: TranscriptRecorder,
    private readonly metrics: ChatMetrics,
  ) {}

  /** Closes a locked conversation; one that reached a person gets its transcript recorded. */
  async close(tx: ChatTransaction, conversation: ConversationEntity, closedBy: 'agent' | 'visitor'): Promise<ConversationEntity> {
    requireMove(conversation.state, 'closed');
    const outcome = outcomeOfClosing(closedBy, conversation.firstAssignedAt !== null);
    const closed = await this.end(tx, conversation, { state: 'closed', outcome });
    await this.transcripts.recordIfHuman(closed, tx);
    return closed;
  }

  /**
   * Turns a locked conversation into a ticket: with an email or a contact, `chat.conversation.escalated.v1` carries
   * the transcript and files and the visitor is told the answer comes by mail; without, the visitor is asked for an
   * email first (`awaiting_email`), and the escalation happens when it gives one.
   */
  async escalate(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    reason: ChatEscalationReason,
    agentId?: string,
  ): Promise<ConversationEntity> {
    const visitor = await this.transcripts.visitorOf(conversation, tx);
    if (!visitor.email && !visitor.contactId) return this.askForEmail(tx, conversation, reason);
    requireMove(conversation.state, 'escalated');
    await this.posting.postSystem(
      tx,
      conversation,
      `escalated:${conversation.id}`,
      nowATicketNotice(conversation.language, visitor.email ?? null),
    );
    const escalated = await this.end(tx, conversation, { state: 'escalated', outcome: 'escalated', pendingEscalation: null });
    const { messages, transcript } = await this.transcripts.transcriptOf(escalated, visitor, tx);
    const firstVisitorText = messages.find((message) => message.authorKind === 'visitor')?.text.trim();
    await tx.outbox.add(Topics.ChatConversationEscalated, escalated.id, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      conversationId: escalated.id,
      visitor,
      escalation: {
        reason,
        ...(agentId ? { agentId } : {}),
        subject: firstVisitorText ? `Chat: ${firstVisitorText.slice(0, subjectLength)}` : 'Chat conversation',
        ...(escalated.language ? { language: escalated.language } : {}),
        transcript,
        files: (await this.files.allOfConversation(escalated.id, tx.manager)).map(fileRefOf),
        startedAt: escalated.createdAt.toISOString(),
      },
    });
    await this.transcripts.recordIfHuman(escalated, tx);
    tellParticipants(tx, conversation, 'escalated', { conversationId: escalated.id, reason, email: visitor.email ?? null });
    return escalated;
  }

  private async askForEmail(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    reason: ChatEscalationReason,
  ): Promise<ConversationEntity> {
    requireMove(conversation.state, 'awaiting_email');
    await this.queue.remove(conversation.id, tx.manager);
    const waiting = await this.conversations.change(conversation.id, { state: 'awaiting_email', pendingEscalation: reason }, tx.manager);
    const view = await this.views.conversation(waiting, tx.manager);
    tellParticipants(tx, conversation, 'conversation.updated', view);
    tx.notices.add((notifier) => notifier.toVisitor(conversation.visitorId, 'email.required', { conversationId: conversation.id, reason }));
    tx.notices.queueMoved = true;
    return waiting;
  }

  private async end(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    change: Pick<ConversationEntity, 'state' | 'outcome'> & { pendingEscalation?: null },
  ): Promise<ConversationEntity> {
    await this.queue.remove(conversation.id, tx.manager);
    const ended = await this.conversations.change(conversation.id, { ...change, endedAt: new Date() }, tx.manager);
    const view = await this.views.conversation(ended, tx.manager);
    tellParticipants(tx, conversation, 'conversation.updated', view);
    const outcome = change.outcome!;
    tx.notices.add(() => this.metrics.ended(outcome));
    // The agent has a chat less, or the queue an entry less.
    tx.notices.queueMoved = true;
    return ended;
  }
}
