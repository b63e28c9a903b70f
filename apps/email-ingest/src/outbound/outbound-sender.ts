import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkLoop } from '@helpgate/outbox';
import { DeliverOutboundMailUseCase } from './deliver-outbound-mail.use-case';
import { relayConnections, relaySendTimeoutMs } from './mail-relay';
import { OutboundDeliveriesRepository } from './outbound-deliveries.repository';

/** How long a claimed delivery is this sender's; after it, one stuck in `sending` (its sender died) is claimed again. */
const leaseMs = relaySendTimeoutMs + 30_000;
const idlePollMs = 1000;
const errorBackoffMs = 1000;

/**
 * Works through the outbound delivery queue: claims due deliveries and sends them through the relay,
 * so a slow or failing relay never holds up the Kafka consumer that queues them. Woken when a request
 * is queued, it polls otherwise, which also picks up retries that fall due and other instances' leftovers.
 */
@Injectable()
export class OutboundSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboundSender.name);
  private readonly loop = new WorkLoop({
    work: () => this.sendDue(),
    batchSize: relayConnections,
    idlePollMs,
    errorBackoffMs,
    onError: (error) => this.logger.warn({ err: error }, 'outbound sender could not claim deliveries; retrying'),
  });

  constructor(
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly deliverOutboundMail: DeliverOutboundMailUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Lets the sends in flight finish (each is bounded by the relay timeout), so none is cut off mid-way. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Called once a request is queued, so it leaves at once instead of at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** Sends one batch of due deliveries; returns how many it claimed. */
  async sendDue(): Promise<number> {
    const claimed = await this.deliveries.claimDue(relayConnections, leaseMs);
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
