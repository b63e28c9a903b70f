import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { ConversationEntity } from './conversation.entity';

export type ConversationChange = Partial<Omit<ConversationEntity, 'id' | 'visitorId' | 'createdAt' | 'lastSequence'>>;

@Injectable()
export class ConversationsRepository {
  async create(
    conversation: { visitorId: string; language: string | null; previousConversationId: string | null },
    manager: EntityManager,
  ): Promise<ConversationEntity> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO conversations (id, visitor_id, state, language, previous_conversation_id) VALUES ($1, $2, 'bot', $3, $4)`,
      [id, conversation.visitorId, conversation.language, conversation.previousConversationId],
    );
    return this.require(id, manager);
  }

  async findById(id: string, manager: EntityManager): Promise<ConversationEntity | null> {
    return manager.getRepository(ConversationEntity).findOneBy({ id });
  }

  /** The conversation, locked for this transaction: its changes and messages are made one at a time. */
  async lock(id: string, manager: EntityManager): Promise<ConversationEntity> {
    const conversation = await manager.getRepository(ConversationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!conversation) throw new ChatException(ChatErrorCode.ConversationNotFound, `No conversation ${id}`);
    return conversation;
  }

  async require(id: string, manager: EntityManager): Promise<ConversationEntity> {
    const conversation = await this.findById(id, manager);
    if (!conversation) throw new ChatException(ChatErrorCode.ConversationNotFound, `No conversation ${id}`);
    return conversation;
  }

  async change(id: string, change: ConversationChange, manager: EntityManager): Promise<ConversationEntity> {
    await manager.getRepository(ConversationEntity).update(id, change);
    return this.require(id, manager);
  }

  /** The visitor's conversations, newest first; a contact's include those of every visitor linked to it. */
  async listOfVisitor(visitorId: string, contactId: string | null, manager: EntityManager): Promise<ConversationEntity[]> {
    return manager
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.visitor_id = :visitorId', { visitorId })
      .orWhere('c.visitor_id IN (SELECT id FROM visitors WHERE contact_id = :contactId)', { contactId })
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }

  /** The conversations an agent has now, oldest assignment first (the order the console shows them side by side). */
  async assignedTo(agentId: string, manager: EntityManager): Promise<ConversationEntity[]> {
    return manager
      .getRepository(ConversationEntity)
      .find({ where: { state: 'assigned', assignedAgentId: agentId }, order: { assignedAt: 'ASC' } });
  }

  /** The conversations the AI agent has now, newest first. */
  async listWithAi(limit: number, manager: EntityManager): Promise<ConversationEntity[]> {
    return manager.getRepository(ConversationEntity).find({ where: { state: 'bot' }, order: { createdAt: 'DESC' }, take: limit });
  }

  /**
   * The conversation if it is the visitor's own, or one of its contact's from another visitor (device), as
   * `isOfVisitor` tells; with `lock`, locked for this transaction as `lock` does. One query either way.
   */
  async findOfVisitor(
    id: string,
    visitor: { visitorId: string; contactId: string | null },
    manager: EntityManager,
    { lock }: { lock: boolean },
  ): Promise<ConversationEntity | null> {
    const query = manager
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin('visitors', 'v', 'v.id = c.visitor_id')
      .where('c.id = :id', { id })
      .andWhere('(c.visitor_id = :visitorId OR v.contact_id = :contactId)', visitor);
    if (lock) query.setLock('pessimistic_write', undefined, ['c']);
    return query.getOne();
  }

  /** Whether the conversation is the visitor's own, or one of its contact's from another visitor (device). */
  async isOfVisitor(
    conversationId: string,
    visitor: { visitorId: string; contactId: string | null },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM conversations c JOIN visitors v ON v.id = c.visitor_id
        WHERE c.id = $1 AND (c.visitor_id = $2 OR v.contact_id = $3)`,
      [conversationId, visitor.visitorId, visitor.contactId],
    );
    return rows.length > 0;
  }

  async countOpen(visitorId: string, manager: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM conversations WHERE visitor_id = $1 AND state NOT IN ('closed', 'escalated')`,
      [visitorId],
    );
    return count;
  }

  /**
   * Gives a queued conversation to the agent: the condition on the state makes exactly one of simultaneous accepts
   * win (the others update nothing). The caller holds the agent's lock, so its capacity was checked under it.
   */
  async assignIfQueued(id: string, agentId: string, manager: EntityManager): Promise<ConversationEntity | null> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE conversations SET state = 'assigned', assigned_agent_id = $2, assigned_at = now(),
              first_assigned_at = coalesce(first_assigned_at, now())
        WHERE id = $1 AND state = 'queued' RETURNING id`,
      [id, agentId],
    );
    return rows.length === 1 ? this.require(id, manager) : null;
  }

  /**
   * Gives a conversation the AI agent has to the agent taking it over, recording why; like `assignIfQueued`, the
   * condition on the state lets one of simultaneous takeovers (or a takeover and the AI's own handoff) win.
   */
  async takeOverIfWithAi(id: string, agentId: string, manager: EntityManager): Promise<ConversationEntity | null> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE conversations SET state = 'assigned', assigned_agent_id = $2, assigned_at = now(),
              first_assigned_at = coalesce(first_assigned_at, now()),
              queue_reason = 'agent_takeover', ai_handover_reason = 'agent_takeover'
        WHERE id = $1 AND state = 'bot' RETURNING id`,
      [id, agentId],
    );
    return rows.length === 1 ? this.require(id, manager) : null;
  }

  /** Conversations whose agent has had no live connection for the grace period, locked, skipping those being changed. */
  async assignedToAgentsGoneSince(graceMs: number, manager: EntityManager): Promise<ConversationEntity[]> {
    return manager
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`c.state = 'assigned'`)
      .andWhere(
        `coalesce((SELECT max(k.lease_until) FROM agent_connections k WHERE k.agent_id = c.assigned_agent_id), c.assigned_at)
           < now() - make_interval(secs => :graceSeconds)`,
        { graceSeconds: graceMs / 1000 },
      )
      .getMany();
  }
}
