import { Injectable, Logger } from '@nestjs/common';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, IdentityAccessMailFailedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { accessMailFailureText } from './access-mail-failure';
import { MessageDeliveriesRepository } from './message-deliveries.repository';

/**
 * Shows agents whether each mail the ticket sent arrived, from email-ingest's delivery outcomes, or that identity
 * sent nothing (an access mail for a requester that is gone).
 */
@Injectable()
export class RecordDeliveryUseCase {
  private readonly logger = new Logger(RecordDeliveryUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly deliveries: MessageDeliveriesRepository,
  ) {}

  /** Marks a batch of delivered mails (one partition's) in one transaction. */
  async delivered(events: readonly EmailOutboundDeliveredV1[]): Promise<void> {
    await this.events.runOnceEach(events, Topics.EmailOutboundDelivered, async (fresh, manager) => {
      await this.deliveries.markDelivered(
        fresh.map((event) => event.requestId),
        manager,
      );
    });
  }

  async failed(event: EmailOutboundFailedV1): Promise<void> {
    await this.events.runOnce(event, Topics.EmailOutboundFailed, async (manager) => {
      const message = await this.deliveries.recordDelivery(
        event.requestId,
        'failed',
        `${event.status ?? ''} ${event.error}`.trim(),
        manager,
      );
      if (message)
        this.logger.warn(
          { ticketId: message.ticketId, requestId: event.requestId, permanent: event.permanent },
          'mail from a ticket not delivered',
        );
    });
  }

  /** An access mail identity refused to send never reaches email-ingest: its message shows failed with the reason. */
  async accessMailFailed(event: IdentityAccessMailFailedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityAccessMailFailed, async (manager) => {
      const message = await this.deliveries.recordDelivery(event.requestId, 'failed', accessMailFailureText(event.reason), manager);
      if (message)
        this.logger.warn({ ticketId: message.ticketId, requestId: event.requestId, reason: event.reason }, 'access mail not sent');
    });
  }
}
