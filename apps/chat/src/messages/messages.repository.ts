import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { AuthorKind, MessageEntity } from './message.entity';

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
