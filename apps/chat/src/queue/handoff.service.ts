import { Inject, Injectable } from '@nestjs/common';
import { AgentsRepository } from '../agents/agents.repository';
import { nextOpeningAfter, isOpenAt } from '../business-hours/business-hours';
import { BusinessHoursService } from '../business-hours/business-hours.service';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { requireMove } from '../conversations/conversation-state';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationViews } from '../conversations/conversation-views';
import { ConversationEndings } from '../escalations/conversation-endings';
import { MessagePosting, tellParticipants } from '../messages/message-posting';
import { ChatMetrics } from '../metrics/chat-metrics';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { VisitorsRepository } from '../visitors/visitors.repository';
import { noHandoffNotice, visitorTextsIn } from '../visitor-texts/visitor-texts';
import { decideHandoff, HandoffDecision } from './handoff-decision';
import { QueueRepository } from './queue.repository';
import { QueueViews } from './queue-views';

/** Why a conversation entered the human queue. */
export type QueueReason = 'no_ai_agent' | 'visitor_request' | 'ai_handover' | 'agent_takeover' | 'transfer' | 'agent_disconnected';

/** Puts conversations in the hands of people: into the queue when someone can take them, else on the ticket path. */
@Injectable()
export class HandoffService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly queue: QueueRepository,
    private readonly agents: AgentsRepository,
    private readonly contacts: ContactsRepository,
    private readonly visitors: VisitorsRepository,
    private readonly endings: ConversationEndings,
    private readonly posting: MessagePosting,
    private readonly views: ConversationViews,
    private readonly queueViews: QueueViews,
    private readonly metrics: ChatMetrics,
    private readonly businessHours: BusinessHoursService,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  /** A locked conversation asks for a person: queued when handoff can happen, else told why and escalated. */
  async requestPerson(tx: ChatTransaction, conversation: ConversationEntity, reason: QueueReason): Promise<ConversationEntity> {
    if (conversation.state === 'queued' || conversation.state === 'assigned') return conversation;
    const decision = await this.decide(conversation, tx);
    if (decision.kind === 'queue') {
      // Said only once someone can take the chat, never with nobody there; a conversation that starts with the
      // people (no AI agent) is simply in the queue, its position told.
      if (reason === 'visitor_request' || reason === 'ai_handover') {
        const { connecting } = visitorTextsIn(conversation.language);
        await this.posting.postSystem(tx, conversation, `connecting:${conversation.lastSequence}`, connecting);
      }
      return this.enqueue(tx, conversation, reason, 'back');
    }
    const backAt =
      decision.reason === 'outside_business_hours' ? nextOpeningAfter(await this.businessHours.hours(tx.manager), new Date()) : null;
    const notice = noHandoffNotice(conversation.language, decision.reason, backAt);
    await this.posting.postSystem(tx, conversation, `no-handoff:${conversation.lastSequence}`, notice);
    return this.endings.escalate(tx, await this.conversations.lock(conversation.id, tx.manager), decision.reason);
  }

  /** Whether a person could take the conversation now (what `requestPerson` would queue rather than escalate). */
  async personReachable(tx: ChatTransaction, conversation: ConversationEntity): Promise<boolean> {
    return (await this.decide(conversation, tx)).kind === 'queue';
  }

  /** Into the queue, at its back or (a chat given back by a dropped agent) its front; agents on every instance hear of it. */
  async enqueue(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    reason: QueueReason,
    placement: 'back' | 'front',
  ): Promise<ConversationEntity> {
    requireMove(conversation.state, 'queued');
    await this.queue.add(conversation.id, reason, placement, tx.manager);
    const queued = await this.conversations.change(
      conversation.id,
      { state: 'queued', queueReason: reason, queuedAt: new Date(), assignedAgentId: null, assignedAt: null },
      tx.manager,
    );
    const view = await this.views.conversation(queued, tx.manager);
    tellParticipants(tx, conversation, 'conversation.updated', view);
    const entry = await this.queueViews.of(conversation.id, tx.manager);
    tx.notices.add((notifier) => {
      notifier.toAllAgents('queue.added', entry);
      this.metrics.handedOff(reason);
    });
    tx.notices.queueMoved = true;
    return queued;
  }

  private async decide(conversation: ConversationEntity, tx: ChatTransaction): Promise<HandoffDecision> {
    const at = new Date();
    const visitor = await this.visitors.findById(conversation.visitorId, tx.manager);
    const candidates = await this.agents.onlineCandidates(tx.manager);
    return decideHandoff({
      openNow: isOpenAt(await this.businessHours.hours(tx.manager), at),
      agentsOnline: candidates.filter((candidate) => candidate.available).length,
      requireSupportContract: this.settings.requireSupportContract,
      supportContractActiveUntil: visitor?.contactId ? await this.contacts.supportContractActiveUntil(visitor.contactId, tx.manager) : null,
      at,
    });
  }
}
