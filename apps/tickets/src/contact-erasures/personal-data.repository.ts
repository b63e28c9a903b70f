import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface MessageTexts {
  id: string;
  bodyText: string;
  fullText: string | null;
  bodyHtml: string | null;
}

/** The personal data of contacts that tickets copied onto tickets, messages and CCs, found and erased. */
@Injectable()
export class PersonalDataRepository {
  /** The addresses and names the contacts' tickets and messages carry, and those of CCs at the given addresses. */
  async copiedIdentifiers(
    contactIds: string[],
    addresses: string[],
    manager: EntityManager,
  ): Promise<{ addresses: string[]; names: string[] }> {
    const rows: { address: string | null; name: string | null }[] = await manager.query(
      `SELECT requester_email AS address, requester_name AS name FROM tickets WHERE requester_contact_id = ANY($1)
       UNION SELECT author_email, author_name FROM ticket_messages WHERE author_contact_id = ANY($1)
       UNION SELECT email, name FROM ticket_ccs WHERE email = ANY($2)`,
      [contactIds, addresses],
    );
    return {
      addresses: rows.flatMap((row) => (row.address ? [row.address.toLowerCase()] : [])),
      names: rows.flatMap((row) => (row.name ? [row.name] : [])),
    };
  }

  /** The tickets the contacts took part in: as requester, as author of a message, or copied at one of the addresses. */
  async ticketsTakenPartIn(contactIds: string[], addresses: string[], manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM tickets WHERE requester_contact_id = ANY($1)
       UNION SELECT ticket_id FROM ticket_messages WHERE author_contact_id = ANY($1)
       UNION SELECT ticket_id FROM ticket_ccs WHERE email = ANY($2)`,
      [contactIds, addresses],
    );
    return rows.map((row) => row.id);
  }

  async subjects(ticketIds: string[], manager: EntityManager): Promise<{ id: string; subject: string }[]> {
    return manager.query('SELECT id, subject FROM tickets WHERE id = ANY($1)', [ticketIds]);
  }

  async messageTexts(ticketIds: string[], manager: EntityManager): Promise<MessageTexts[]> {
    return manager.query(
      'SELECT id, body_text AS "bodyText", full_text AS "fullText", body_html AS "bodyHtml" FROM ticket_messages WHERE ticket_id = ANY($1)',
      [ticketIds],
    );
  }

  async rewriteSubject(ticketId: string, subject: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE tickets SET subject = $2 WHERE id = $1', [ticketId, subject]);
  }

  async rewriteMessage(texts: MessageTexts, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE ticket_messages SET body_text = $2, full_text = $3, body_html = $4 WHERE id = $1', [
      texts.id,
      texts.bodyText,
      texts.fullText,
      texts.bodyHtml,
    ]);
  }

  /**
   * The contacts' tickets keep their requester under the placeholder and no address; their messages the same author;
   * the addresses are no longer copied on any ticket nor counted for automatic replies or customer-success requests;
   * the phone numbers they asked to be called at are blanked. Returns how many tickets they requested.
   */
  async eraseIdentities(contactIds: string[], addresses: string[], placeholderName: string, manager: EntityManager): Promise<number> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [, requested]: [unknown[], number] = await manager.query(
      'UPDATE tickets SET requester_name = $2, requester_email = NULL WHERE requester_contact_id = ANY($1)',
      [contactIds, placeholderName],
    );
    await manager.query('UPDATE ticket_messages SET author_name = $2, author_email = NULL WHERE author_contact_id = ANY($1)', [
      contactIds,
      placeholderName,
    ]);
    await manager.query('DELETE FROM ticket_ccs WHERE email = ANY($1)', [addresses]);
    await manager.query('DELETE FROM automatic_replies WHERE recipient = ANY($1)', [addresses]);
    await manager.query("UPDATE customer_success_submissions SET email = '' WHERE email = ANY($1)", [addresses]);
    // The request stays on the ticket (agents see someone asked for a call), its number does not.
    await manager.query(
      "UPDATE ticket_callback_requests SET phone = '' WHERE ticket_id IN (SELECT id FROM tickets WHERE requester_contact_id = ANY($1))",
      [contactIds],
    );
    return requested;
  }
}
