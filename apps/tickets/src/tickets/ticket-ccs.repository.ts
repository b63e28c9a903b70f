import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Mailbox } from '@helpgate/contracts';

/** The people copied on a ticket. */
@Injectable()
export class TicketCcsRepository {
  async ofTicket(ticketId: string, manager: EntityManager): Promise<Mailbox[]> {
    const rows: { email: string; name: string | null }[] = await manager.query(
      'SELECT email, name FROM ticket_ccs WHERE ticket_id = $1 ORDER BY created_at, email',
      [ticketId],
    );
    return rows.map((cc) => ({ address: cc.email, ...(cc.name ? { name: cc.name } : {}) }));
  }

  async emailsOfTicket(ticketId: string, manager: EntityManager): Promise<string[]> {
    return (await this.ofTicket(ticketId, manager)).map((cc) => cc.address);
  }

  /** Adds CCs the ticket does not have yet, never past `limit` in all. */
  async add(ticketId: string, mailboxes: Mailbox[], limit: number, manager: EntityManager): Promise<void> {
    if (mailboxes.length === 0) return;
    const existing = new Set(await this.emailsOfTicket(ticketId, manager));
    const room = Math.max(0, limit - existing.size);
    const added = mailboxes.filter((mailbox) => !existing.has(mailbox.address)).slice(0, room);
    if (added.length === 0) return;
    await manager.query(
      `INSERT INTO ticket_ccs (ticket_id, email, name)
       SELECT $1, added.email, added.name FROM unnest($2::text[], $3::text[]) AS added (email, name)
       ON CONFLICT DO NOTHING`,
      [ticketId, added.map((mailbox) => mailbox.address), added.map((mailbox) => mailbox.name ?? null)],
    );
  }
}
