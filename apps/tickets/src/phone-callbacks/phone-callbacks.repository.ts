import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class PhoneCallbacksRepository {
  async add(ticketId: string, phone: string, requestedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      'INSERT INTO ticket_callback_requests (ticket_id, phone, recording_consent, requested_at) VALUES ($1, $2, true, $3)',
      [ticketId, phone, requestedAt],
    );
  }
}
