import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResultRow } from 'pg';
import { EntityManager, MoreThan } from 'typeorm';
import { conversationStates, isEnded } from '../conversations/conversation-state';
import { AuthorKind, MessageEntity } from './message.entity';

const endedStates = conversationStates.filter(isEnded);

/** A visitor's message without files to a conversation, as it asks for it. */
export interface VisitorMessage {
  visitor: { visitorId: string; contactId: string | null };
  conversationId: string;
  clientId: string;
  text: string;
}

/** A message stored in a conversation, and whom the conversation tells of it. */
export interface AppendedMessage {
  message: MessageEntity;
  conversation: { visitorId: string; assignedAgentId: string | null };
}

export interface NewMessage {
  clientId: string;
  authorKind: AuthorKind;
  agentId: string | null;
  text: string;
  fileIds: string[];
}

@Injectable()
export class MessagesRepository {
  /**
   * Stores a message with the next sequence number of its conversation, which the caller has locked: a client id
   * already stored there gives back the stored message (`duplicate`), with no new number and nothing stored. The
   * number is taken and the message stored in one statement; under the lock, no other message of the conversation
   * can come between the check for the client id and the insert (the unique constraint would refuse it anyway).
   */
  async append(
    conversationId: string,
    message: NewMessage,
    manager: EntityManager,
  ): Promise<{ message: MessageEntity; duplicate: boolean }> {
    const messages = manager.getRepository(MessageEntity);
    const created = messages.create({ id: randomUUID(), conversationId, sentAt: new Date(), ...message });
    const rows: { sequence: number }[] = await manager.query(
      `WITH numbered AS (
         UPDATE conversations SET last_sequence = last_sequence + 1
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM chat_messages WHERE conversation_id = $1 AND client_id = $2)
          RETURNING last_sequence
       )
       INSERT INTO chat_messages (id, conversation_id, sequence, client_id, author_kind, agent_id, text, file_ids, sent_at)
       SELECT $3, $1, last_sequence, $2, $4, $5, $6, $7::uuid[], $8 FROM numbered
       RETURNING sequence`,
      [conversationId, message.clientId, created.id, message.authorKind, message.agentId, message.text, message.fileIds, created.sentAt],
    );
    if (rows.length === 1) return { message: Object.assign(created, { sequence: rows[0]!.sequence }), duplicate: false };
    const stored = await messages.findOneBy({ conversationId, clientId: message.clientId });
    if (!stored) throw new Error(`Conversation ${conversationId} to append to is gone`);
    return { message: stored, duplicate: true };
  }

  /**
   * Visitors' messages to their open conversations, stored together in one statement that commits on its own: each
   * conversation is found its visitor's (as `ConversationsRepository.findOfVisitor` finds it) and not ended, locked
   * (in the order of their ids, as any batch locks them), numbered in the order given, and the messages stored, as
   * `append` stores one in a transaction. A message that does not qualify (not the visitor's, ended, its client id
   * stored already or given twice) is not stored and answers null, for the caller to post it in a transaction, which
   * tells these cases apart. Messages without files only.
   */
  async appendToOpenConversationsOfVisitors(
    messages: readonly VisitorMessage[],
    manager: EntityManager,
  ): Promise<(AppendedMessage | null)[]> {
    const created = messages.map(({ conversationId, clientId, text }) =>
      manager.getRepository(MessageEntity).create({
        id: randomUUID(),
        conversationId,
        clientId,
        authorKind: 'visitor',
        agentId: null,
        text,
        fileIds: [],
        sentAt: new Date(),
      }),
    );
    const rows = await namedQuery<{ id: string; sequence: number; visitor_id: string; assigned_agent_id: string | null }>(
      manager,
      'chat_append_visitor_messages',
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[])
           WITH ORDINALITY AS i(conversation_id, visitor_id, contact_id, client_id, id, text, sent_at, position)
       ), owned AS (
         SELECT c.id, c.visitor_id, v.contact_id FROM conversations c JOIN visitors v ON v.id = c.visitor_id
          WHERE c.id IN (SELECT conversation_id FROM input) AND c.state <> ALL($8::text[])
          ORDER BY c.id
          FOR UPDATE OF c
       ), accepted AS (
         SELECT DISTINCT ON (i.conversation_id, i.client_id) i.*
           FROM input i JOIN owned o ON o.id = i.conversation_id
          WHERE (o.visitor_id = i.visitor_id OR o.contact_id = i.contact_id)
            AND NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = i.conversation_id AND m.client_id = i.client_id)
          ORDER BY i.conversation_id, i.client_id, i.position
       ), numbered AS (
         SELECT a.*, row_number() OVER (PARTITION BY a.conversation_id ORDER BY a.position) AS rank FROM accepted a
       ), counted AS (
         UPDATE conversations c SET last_sequence = c.last_sequence + n.count
           FROM (SELECT conversation_id, count(*)::int AS count FROM numbered GROUP BY conversation_id) n
          WHERE c.id = n.conversation_id
          RETURNING c.id, c.last_sequence - n.count AS before, c.visitor_id, c.assigned_agent_id
       ), stored AS (
         INSERT INTO chat_messages (id, conversation_id, sequence, client_id, author_kind, agent_id, text, file_ids, sent_at)
         SELECT n.id, n.conversation_id, c.before + n.rank, n.client_id, 'visitor', NULL, n.text, '{}', n.sent_at
           FROM numbered n JOIN counted c ON c.id = n.conversation_id
         RETURNING id, conversation_id, sequence
       )
       SELECT s.id, s.sequence, c.visitor_id, c.assigned_agent_id FROM stored s JOIN counted c ON c.id = s.conversation_id`,
      [
        messages.map((message) => message.conversationId),
        messages.map((message) => message.visitor.visitorId),
        messages.map((message) => message.visitor.contactId),
        messages.map((message) => message.clientId),
        created.map((message) => message.id),
        messages.map((message) => message.text),
        created.map((message) => message.sentAt),
        endedStates,
      ],
    );
    const stored = new Map(rows.map((row) => [row.id, row]));
    return created.map((message) => {
      const row = stored.get(message.id);
      if (!row) return null;
      return {
        message: Object.assign(message, { sequence: row.sequence }),
        conversation: { visitorId: row.visitor_id, assignedAgentId: row.assigned_agent_id },
      };
    });
  }

  /** Every message after the given sequence, in order: what a client that saw up to it missed. */
  async after(conversationId: string, afterSequence: number, manager: EntityManager): Promise<MessageEntity[]> {
    return manager
      .getRepository(MessageEntity)
      .find({ where: { conversationId, sequence: MoreThan(afterSequence) }, order: { sequence: 'ASC' } });
  }

  async firstVisitorText(conversationId: string, manager: EntityManager): Promise<string | null> {
    const first = await manager
      .getRepository(MessageEntity)
      .findOne({ where: { conversationId, authorKind: 'visitor' }, order: { sequence: 'ASC' } });
    return first?.text ?? null;
  }

  /** A message the visitor sent with this client id in any of its conversations (a retried first message). */
  async findOfVisitor(visitorId: string, clientId: string, manager: EntityManager): Promise<MessageEntity | null> {
    return manager
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.client_id = :clientId', { clientId })
      .andWhere('m.conversation_id IN (SELECT id FROM conversations WHERE visitor_id = :visitorId)', { visitorId })
      .getOne();
  }
}

/**
 * A statement run as a named prepared statement of the pooled connection: Postgres parses and plans it once per
 * connection instead of at each call. For a statement run hundreds of times a second (the group commit's batches),
 * its parsing and planning were about a quarter of its time in Postgres (0.3 ms of 1.1 ms for 8 messages), on a machine where chat, Postgres and the sockets'
 * clients share the cores. Outside a transaction only (it takes a connection of its own from the pool).
 */
async function namedQuery<Row>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const runner = manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<Row & QueryResultRow>({ name, text, values })).rows;
  } finally {
    await runner.release();
  }
}
