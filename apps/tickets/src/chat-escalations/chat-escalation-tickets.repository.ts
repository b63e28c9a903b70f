import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class ChatEscalationTicketsRepository {
  /** The ticket the conversation became, if it became one. */
  async ticketOf(conversationId: string, manager: EntityManager): Promise<string | null> {
    const rows: { ticket_id: string }[] = await manager.query(
      'SELECT ticket_id FROM chat_escalation_tickets WHERE conversation_id = $1',
      [conversationId],
    );
    return rows[0]?.ticket_id ?? null;
  }

  /** Notes the ticket the conversation became; a second ticket for it fails on the key, undoing its transaction. */
  async record(conversationId: string, ticketId: string, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO chat_escalation_tickets (conversation_id, ticket_id) VALUES ($1, $2)', [conversationId, ticketId]);
  }
}
