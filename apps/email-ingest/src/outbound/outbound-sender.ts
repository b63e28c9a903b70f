import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@helpgate/outbox';
import { DeliverOutboundMailUseCase } from './deliver-outbound-mail.use-case';
import { MailRelay, relaySendTimeoutMs } from './mail-relay';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';

/** How long a claimed delivery is this sender's; after it, one stuck in `sending` (its sender died) is claimed again. */
const leaseMs = relaySendTimeoutMs + 30_000;
const idlePollMs = 1000;
const errorBackoffMs = 1000;

/**
 * Works through the outbound delivery queue: claims due deliveries and sends them through the relay,
 * so a slow or failing relay never holds up the Kafka consumer that queues them. Woken when a request
 * is queued, it polls otherwise, which also picks up retries that fall due and other instances' leftovers.
 * On shutdown the sends in flight finish (each is bounded by the relay timeout), so none is cut off mid-way.
 */
@Injectable()
export class OutboundSender extends BackgroundWorker {
  constructor(
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly deliverOutboundMail: DeliverOutboundMailUseCase,
    private readonly relay: MailRelay,
  ) {
    super({
      // One delivery per relay connection: more would only wait for a connection while their lease runs.
      batchSize: relay.connections,
      idlePollMs,
      errorBackoffMs,
      failureMessage: 'outbound sender could not claim deliveries; retrying',
    });
  }

  /** Sends one batch of due deliveries; returns how many it claimed. */
  protected async workRound(): Promise<number> {
    const claimed = await this.deliveries.claimDue(this.relay.connections, leaseMs);
    await Promise.all(
      claimed.map((delivery) =>
        this.deliverOutboundMail.execute(delivery).catch((error: unknown) => {
          const { requestId, messageId } = delivery.mail;
          this.logger.error({ err: error, requestId, messageId }, 'outbound delivery not recorded; it is retried when its claim runs out');
        }),
      ),
    );
    return claimed.length;
  }
}
