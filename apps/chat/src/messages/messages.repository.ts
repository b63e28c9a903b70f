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
   * already stored there gives back the stored message (`duplicate`), with no new number and nothing stored.
   */
  async append(
    conversationId: string,
    message: NewMessage,
    manager: EntityManager,
  ): Promise<{ message: MessageEntity; duplicate: boolean }> {
    const messages = manager.getRepository(MessageEntity);
    const stored = await messages.findOneBy({ conversationId, clientId: message.clientId });
    if (stored) return { message: stored, duplicate: true };
    const [[{ last_sequence: sequence }]]: [[{ last_sequence: number }], number] = await manager.query(
      'UPDATE conversations SET last_sequence = last_sequence + 1 WHERE id = $1 RETURNING last_sequence',
      [conversationId],
    );
    const created = messages.create({ id: randomUUID(), conversationId, sequence, sentAt: new Date(), ...message });
    await messages.insert(created);
    return { message: created, duplicate: false };
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
