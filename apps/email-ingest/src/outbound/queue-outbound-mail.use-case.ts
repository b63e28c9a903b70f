import { Injectable, Logger } from '@nestjs/common';
import { EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';
import { OutboundSender } from './outbound-sender';

/**
 * Records a request to send mail in the delivery queue and returns: the sending happens in the
 * background, so a slow relay never holds up the partition. A redelivered event or a repeated
 * request id queues nothing new.
 */
@Injectable()
export class QueueOutboundMailUseCase {
  private readonly logger = new Logger(QueueOutboundMailUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly sender: OutboundSender,
  ) {}

  async execute(event: EmailOutboundRequestedV1): Promise<void> {
    const { requestId, messageId, kind } = event.mail;
    let queued = false;
    await this.events.runOnce(event, Topics.EmailOutboundRequested, async (manager) => {
      queued = await this.deliveries.enqueue(event.mail, manager);
    });
    if (!queued) return;
    this.sender.wake();
    this.logger.log({ requestId, messageId, kind }, 'outbound mail queued');
  }
}
