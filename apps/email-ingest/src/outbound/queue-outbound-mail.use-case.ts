import { Injectable, Logger } from '@nestjs/common';
import { EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { SenderErasureService } from '../erasures/sender-erasure.service';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';
import { OutboundSender } from './outbound-sender';

/**
 * Records requests to send mail in the delivery queue and returns: the sending happens in the
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
    private readonly erasure: SenderErasureService,
  ) {}

  /** Queues a batch of requests (one partition's, in order) in one transaction. */
  async execute(events: readonly EmailOutboundRequestedV1[]): Promise<void> {
    let queued = new Set<string>();
    await this.events.runOnceEach(events, Topics.EmailOutboundRequested, async (fresh, manager) => {
      // Mail asked for before its recipient was erased, arriving after: nobody may mail, or keep a record naming, them.
      const toErased = await this.erasure.fromBeforeErasure(
        fresh.map(({ mail, occurredAt }) => ({
          id: mail.requestId,
          addresses: [...mail.to, ...mail.cc].map(({ address }) => address),
          at: new Date(occurredAt),
        })),
        manager,
      );
      for (const requestId of toErased) this.logger.log({ requestId }, 'outbound mail to an erased contact; not queued');
      queued = await this.deliveries.enqueueAll(
        fresh.map((event) => event.mail).filter(({ requestId }) => !toErased.has(requestId)),
        manager,
      );
    });
    if (queued.size === 0) return;
    this.sender.wake();
    for (const { requestId, messageId, kind } of events.map((event) => event.mail)) {
      if (queued.delete(requestId)) this.logger.log({ requestId, messageId, kind }, 'outbound mail queued');
    }
  }
}
