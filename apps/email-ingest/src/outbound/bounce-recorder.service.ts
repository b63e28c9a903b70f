import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Automation, Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';

/**
 * When an inbound bounce returns a mail we sent, that delivery failed after all: the delivery is
 * marked failed and `email.outbound.failed.v1` tells the service that asked for the mail.
 */
@Injectable()
export class BounceRecorderService {
  private readonly logger = new Logger(BounceRecorderService.name);

  constructor(private readonly deliveries: OutboundDeliveriesRepository) {}

  async recordIfOurs(automation: Automation | undefined, manager: EntityManager): Promise<void> {
    const bounce = automation?.kind === 'bounce' ? automation.bounce : undefined;
    // Delays and success notices are delivery reports too; only a permanent failure means the mail is lost.
    if (!bounce?.originalMessageId || !bounce.permanent) return;
    const delivery = await this.deliveries.findByMessageId(bounce.originalMessageId, manager);
    if (!delivery) return;
    const error = `bounced${bounce.status ? ` with ${bounce.status}` : ''}`;
    await this.deliveries.markBounced(delivery.requestId, error, manager);
    const { request } = delivery;
    await new Outbox(manager).add(Topics.EmailOutboundFailed, request.ticketId ?? request.requestId, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      requestId: request.requestId,
      messageId: request.messageId,
      kind: request.kind,
      ...(request.ticketId ? { ticketId: request.ticketId } : {}),
      ...(request.contactId ? { contactId: request.contactId } : {}),
      source: 'bounce',
      permanent: bounce.permanent,
      recipients: bounce.recipient ? [bounce.recipient] : request.to.map((mailbox) => mailbox.address),
      ...(bounce.status ? { status: bounce.status } : {}),
      error,
      failedAt: new Date().toISOString(),
    });
    this.logger.warn({ requestId: request.requestId, status: bounce.status }, 'sent mail bounced');
  }
}
