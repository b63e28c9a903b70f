import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { TicketEntity } from '../tickets/ticket.entity';

/** What follows a contact merge on tickets' side. */
@Injectable()
export class ContactMergesRepository {
  /**
   * Makes one contact's tickets and messages another's, a statement each whatever their number; returns the tickets
   * moved as they now are (with their category, for the events), in number order.
   */
  async reassignContact(fromContactId: string, toContactId: string, manager: EntityManager): Promise<TicketEntity[]> {
    const [movedRows]: [{ id: string }[], number] = await manager.query(
      'UPDATE tickets SET requester_contact_id = $2, updated_at = now() WHERE requester_contact_id = $1 RETURNING id',
      [fromContactId, toContactId],
    );
    await manager.query('UPDATE ticket_messages SET author_contact_id = $2 WHERE author_contact_id = $1', [fromContactId, toContactId]);
    if (movedRows.length === 0) return [];
    return manager.getRepository(TicketEntity).find({
      where: { id: In(movedRows.map((row) => row.id)) },
      relations: { category: true },
      order: { number: 'ASC' },
    });
  }
}
