import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What follows a contact merge on tickets' side. */
@Injectable()
export class ContactMergesRepository {
  /** Makes one contact's tickets and messages another's; returns how many tickets moved. */
  async reassignContact(fromContactId: string, toContactId: string, manager: EntityManager): Promise<number> {
    const movedTickets: unknown[] = await manager.query(
      'UPDATE tickets SET requester_contact_id = $2, updated_at = now() WHERE requester_contact_id = $1 RETURNING id',
      [fromContactId, toContactId],
    );
    await manager.query('UPDATE ticket_messages SET author_contact_id = $2 WHERE author_contact_id = $1', [fromContactId, toContactId]);
    return movedTickets.length;
  }
}
