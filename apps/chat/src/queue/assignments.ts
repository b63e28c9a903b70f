import { Injectable } from '@nestjs/common';
import { AgentsRepository } from '../agents/agents.repository';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationViews } from '../conversations/conversation-views';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { ChatMetrics } from '../metrics/chat-metrics';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { QueueRepository } from './queue.repository';

/** Gives queued conversations to agents, never beyond an agent's capacity, and exactly once. */
@Injectable()
export class Assignments {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly queue: QueueRepository,
    private readonly views: ConversationViews,
    private readonly metrics: ChatMetrics,
  ) {}

  /**
   * The agent takes the queued conversation. The agent's row is locked first, so its chats are counted under the lock
   * and capacity holds; the conditional update on the conversation lets exactly one of simultaneous accepts win.
   */
  async assignQueued(tx: ChatTransaction, conversationId: string, agentId: string): Promise<ConversationEntity> {
    await this.requireCapacity(agentId, tx);
    const assigned = await this.conversations.assignIfQueued(conversationId, agentId, tx.manager);
    if (!assigned) throw await this.whyNotQueued(conversationId, tx);
    await this.queue.remove(conversationId, tx.manager);
    const queuedAt = assigned.queuedAt;
    if (queuedAt) tx.notices.add(() => this.metrics.waited(queuedAt, new Date()));
    tx.notices.add((notifier) => notifier.toAllAgents('queue.removed', { conversationId }));
    return this.handOver(tx, assigned, agentId);
  }

  /**
   * The agent takes a conversation over from the AI agent, past the queue (handoff reason `agent_takeover`), under its
   * capacity as any assignment; the AI checks the state before storing an answer, so it says nothing more.
   */
  async takeOverFromAi(tx: ChatTransaction, conversationId: string, agentId: string): Promise<ConversationEntity> {
    await this.requireCapacity(agentId, tx);
    const taken = await this.conversations.takeOverIfWithAi(conversationId, agentId, tx.manager);
    if (!taken) {
      const conversation = await this.conversations.require(conversationId, tx.manager);
      throw new ChatException(ChatErrorCode.NotWithAi, `The conversation is ${conversation.state}, not with the AI agent`);
    }
    tx.notices.add(() => this.metrics.handedOff('agent_takeover'));
    return this.handOver(tx, taken, agentId);
  }

  /** Moves an assigned, locked conversation to a colleague, under the colleague's capacity. */
  async transfer(tx: ChatTransaction, conversation: ConversationEntity, toAgentId: string): Promise<ConversationEntity> {
    const transferred = await this.conversations.change(
      conversation.id,
      { assignedAgentId: toAgentId, assignedAt: new Date() },
      tx.manager,
    );
    return this.handOver(tx, transferred, toAgentId);
  }

  /** Locks the agent and refuses it when it is unknown, inactive or at capacity. */
  async requireCapacity(agentId: string, tx: ChatTransaction): Promise<void> {
    const locked = await this.agents.lockForAssignment(agentId, tx.manager);
    if (!locked) throw new ChatException(ChatErrorCode.UnknownAgent, `No agent ${agentId} is known to chat: identity has not announced it`);
    if (!locked.agent.active) throw new ChatException(ChatErrorCode.AgentUnavailable, `The agent ${agentId} is deactivated`);
    if (locked.activeChats >= locked.agent.chatCapacity) {
      throw new ChatException(
        ChatErrorCode.CapacityReached,
        `The agent has ${locked.activeChats} chats, its capacity (${locked.agent.chatCapacity})`,
      );
    }
  }

  private async handOver(tx: ChatTransaction, conversation: ConversationEntity, agentId: string): Promise<ConversationEntity> {
    await this.agents.markAssigned(agentId, tx.manager);
    const view = await this.views.conversation(conversation, tx.manager);
    tx.notices.add((notifier) => {
      notifier.toAgent(agentId, 'conversation.assigned', view);
      notifier.toVisitor(conversation.visitorId, 'conversation.updated', view);
    });
    tx.notices.queueMoved = true;
    return conversation;
  }

  private async whyNotQueued(conversationId: string, tx: ChatTransaction): Promise<ChatException> {
    const conversation = await this.conversations.require(conversationId, tx.manager);
    if (conversation.state === 'assigned' || conversation.firstAssignedAt) {
      return new ChatException(ChatErrorCode.AlreadyAccepted, 'Another agent accepted this conversation first');
    }
    return new ChatException(ChatErrorCode.NotQueued, `The conversation is ${conversation.state}, not waiting in the queue`);
  }
}
