import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { VisitorEntity } from './visitor.entity';

@Injectable()
export class VisitorsRepository {
  async createAnonymous(manager: EntityManager): Promise<VisitorEntity> {
    return manager.getRepository(VisitorEntity).save({ id: randomUUID(), contactId: null, name: null, email: null });
  }

  /** The visitor a signed-in contact chats as, the same from every device; made on its first chat. */
  async findOrCreateForContact(contactId: string, manager: EntityManager): Promise<VisitorEntity> {
    // Two first connections of one contact at once make one visitor.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('chat-contact-visitor:' || $1))`, [contactId]);
    const existing = await manager.getRepository(VisitorEntity).findOne({ where: { contactId }, order: { createdAt: 'ASC' } });
    return existing ?? manager.getRepository(VisitorEntity).save({ id: randomUUID(), contactId, name: null, email: null });
  }

  async findById(id: string, manager: EntityManager): Promise<VisitorEntity | null> {
    return manager.getRepository(VisitorEntity).findOneBy({ id });
  }

  async findByIds(ids: readonly string[], manager: EntityManager): Promise<VisitorEntity[]> {
    return ids.length === 0 ? [] : manager.getRepository(VisitorEntity).findBy({ id: In([...ids]) });
  }

  async identify(id: string, identity: { name: string | null; email: string }, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE visitors SET name = coalesce($2, name), email = $3 WHERE id = $1', [id, identity.name, identity.email]);
  }

  async linkToContact(id: string, contactId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE visitors SET contact_id = $2 WHERE id = $1', [id, contactId]);
  }
}
