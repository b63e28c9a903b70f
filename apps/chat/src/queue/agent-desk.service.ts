import { Injectable } from '@nestjs/common';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { ConversationEndings } from '../escalations/conversation-endings';
import { MessagePosting } from '../messages/message-posting';
import { ConversationViews } from '../conversations/conversation-views';
import type { AgentConversationView, AgentEvent, ConversationView, MessageView, QueueEntryView } from '../protocol/protocol';
import { MessagesRepository } from '../messages/messages.repository';
import { ChatMetrics } from '../metrics/chat-metrics';
import { ChatNotifier } from '../realtime/chat-notifier';
import { ChatTransaction, ChatTransactions } from '../realtime/chat-transactions';
import { AgentsRepository } from '../agents/agents.repository';
import { VisitorsRepository } from '../visitors/visitors.repository';
import { Assignments } from './assignments';
import { HandoffService } from './handoff.service';
import { chattingWithNotice } from '../visitor-texts/visitor-texts';
import { QueueViews } from './queue-views';

/** How many of the AI's conversations the console is shown at once (the newest). */
const aiConversationsListed = 200;

/** What agents do with conversations: take them from the queue, hand them on, close them, turn them into tickets. */
@Injectable()
export class AgentDeskService {
  constructor(
    private readonly transactions: ChatTransactions,
    private readonly conversations: ConversationsRepository,
    private readonly queueViews: QueueViews,
    private readonly agents: AgentsRepository,
    private readonly assignments: Assignments,
    private readonly handoff: HandoffService,
    private readonly endings: ConversationEndings,
    private readonly posting: MessagePosting,
    private readonly views: ConversationViews,
    private readonly messages: MessagesRepository,
    private readonly metrics: ChatMetrics,
    private readonly notifier: ChatNotifier,
    private readonly visitors: VisitorsRepository,
  ) {}

  async listQueue(): Promise<{ entries: QueueEntryView[] }> {
    return this.transactions.run(async ({ manager }) => ({ entries: await this.queueViews.all(manager) }));
  }

  async accept(agentId: string, { conversationId }: AgentEvent<'conversation.accept'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) =>
      this.views.conversation(await this.assignments.assignQueued(tx, conversationId, agentId), tx.manager),
    );
  }

  /** What the agent's console shows side by side: each conversation it has, with who is on the other end. */
  async listMine(agentId: string): Promise<{ conversations: AgentConversationView[] }> {
    return this.transactions.run(async ({ manager }) => {
      const mine = await this.conversations.assignedTo(agentId, manager);
      const visitors = new Map((await this.visitors.findByIds([...new Set(mine.map((c) => c.visitorId))], manager)).map((v) => [v.id, v]));
      const views = await this.views.conversations(mine, manager);
      return {
        conversations: views.map((view, index) => {
          const { visitorId } = mine[index]!;
          const visitor = visitors.get(visitorId);
          return {
            ...view,
            visitor: { id: visitorId, name: visitor?.name ?? null, email: visitor?.email ?? null, contactId: visitor?.contactId ?? null },
          };
        }),
      };
    });
  }

  /** What the AI agent is answering now, for the console to show and an agent to take over. */
  async listWithAi(): Promise<{ conversations: ConversationView[] }> {
    return this.transactions.run(async ({ manager }) => ({
      conversations: await this.views.conversations(await this.conversations.listWithAi(aiConversationsListed, manager), manager),
    }));
  }

  /** Takes a conversation the AI agent is answering, from the console. */
  async takeOver(agentId: string, { conversationId }: AgentEvent<'conversation.take_over'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) =>
      this.views.conversation(await this.assignments.takeOverFromAi(tx, conversationId, agentId), tx.manager),
    );
  }

  /** To a colleague (under the colleague's capacity), or back to the queue without one. */
  async transfer(agentId: string, { conversationId, toAgentId }: AgentEvent<'conversation.transfer'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      if (!toAgentId) {
        const mine = await this.lockMine(tx, agentId, conversationId);
        return this.views.conversation(await this.handoff.enqueue(tx, mine, 'transfer', 'back'), tx.manager);
      }
      // The colleague's lock comes first, in the order every assignment takes its locks.
      await this.assignments.requireCapacity(toAgentId, tx);
      const mine = await this.lockMine(tx, agentId, conversationId);
      const colleague = (await this.agents.namesOf([toAgentId], tx.manager)).get(toAgentId);
      await this.posting.postSystem(tx, mine, `transfer:${mine.lastSequence}`, chattingWithNotice(mine.language, colleague ?? null));
      const transferred = await this.assignments.transfer(tx, mine, toAgentId);
      const view = await this.views.conversation(transferred, tx.manager);
      tx.notices.add((notifier) => notifier.toAgent(agentId, 'conversation.updated', view));
      return view;
    });
  }

  async close(agentId: string, { conversationId }: AgentEvent<'conversation.close'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      const closed = await this.endings.close(tx, await this.lockMine(tx, agentId, conversationId), 'agent');
      return this.views.conversation(closed, tx.manager);
    });
  }

  async escalate(agentId: string, { conversationId }: AgentEvent<'conversation.escalate'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      const escalated = await this.endings.escalate(tx, await this.lockMine(tx, agentId, conversationId), 'agent_choice', agentId);
      return this.views.conversation(escalated, tx.manager);
    });
  }

  /**
   * Answers in a conversation the agent has; its first answer is the time to the first human answer. `sentThrough`:
   * the agent's socket that sent it, which learns the message from its acknowledgement.
   */
  async send(agentId: string, message: AgentEvent<'message.send'>, sentThrough: string): Promise<MessageView> {
    this.posting.requireWithinLimits(message);
    return this.transactions.run(async (tx) => {
      const mine = await this.lockMine(tx, agentId, message.conversationId);
      const { view, duplicate } = await this.posting.post(
        tx,
        mine,
        { clientId: message.clientId, authorKind: 'agent', agentId, text: message.text, fileIds: message.fileIds },
        sentThrough,
      );
      if (!duplicate && !mine.firstHumanReplyAt) {
        const answeredAt = new Date();
        await this.conversations.change(mine.id, { firstHumanReplyAt: answeredAt }, tx.manager);
        const queuedAt = mine.queuedAt ?? mine.createdAt;
        tx.notices.add(() => this.metrics.firstHumanAnswerAfter(queuedAt, answeredAt));
      }
      return view;
    });
  }

  /** Any agent may read any conversation (the team's history), as agents read any ticket. */
  async resume({ conversationId, afterSequence }: AgentEvent<'conversation.resume'>) {
    return this.transactions.run(async ({ manager }) => {
      const conversation = await this.conversations.require(conversationId, manager);
      const missed = await this.messages.after(conversationId, afterSequence, manager);
      return { conversation: await this.views.conversation(conversation, manager), messages: await this.views.messages(missed, manager) };
    });
  }

  async signal(agentId: string, event: 'typing' | 'read', payload: AgentEvent<'typing'> | AgentEvent<'read'>): Promise<{ ok: true }> {
    const mine = await this.transactions.run((tx) => this.lockMine(tx, agentId, payload.conversationId));
    this.notifier.toVisitor(mine.visitorId, event, payload);
    return { ok: true };
  }

  private async lockMine(tx: ChatTransaction, agentId: string, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.lock(conversationId, tx.manager);
    if (conversation.state !== 'assigned' || conversation.assignedAgentId !== agentId) {
      throw new ChatException(ChatErrorCode.NotAssignedToYou, 'This conversation is not yours: accept it from the queue first');
    }
    return conversation;
  }
}
