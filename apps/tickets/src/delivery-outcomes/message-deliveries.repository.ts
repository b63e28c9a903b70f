import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryStatus, TicketMessageEntity } from '../tickets/ticket-message.entity';

/** The delivery status of the mails tickets sent, on their messages. */
@Injectable()
export class MessageDeliveriesRepository {
  async recordDelivery(
    outboundRequestId: string,
    status: DeliveryStatus,
    error: string | null,
    manager: EntityManager,
  ): Promise<TicketMessageEntity | null> {
    await manager.getRepository(TicketMessageEntity).update({ outboundRequestId }, { deliveryStatus: status, deliveryError: error });
    return manager.getRepository(TicketMessageEntity).findOne({ where: { outboundRequestId } });
  }

  /** Marks the messages of these outbound requests delivered, in one statement. */
  async markDelivered(outboundRequestIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE ticket_messages SET delivery_status = 'delivered', delivery_error = NULL WHERE outbound_request_id = ANY($1::uuid[])`,
      [outboundRequestIds],
    );
  }
}
