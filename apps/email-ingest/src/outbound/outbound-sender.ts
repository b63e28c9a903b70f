import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
  private running = false;
  private wakeRequested = false;
  private wakeUp?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly deliverOutboundMail: DeliverOutboundMailUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the sends in flight finish (each is bounded by the relay timeout), so none is cut off mid-way. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Called once a request is queued, so it leaves at once instead of at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
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

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.sendDue();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbound sender could not claim deliveries; retrying');
        await this.sleep(errorBackoffMs);
        continue;
      }
      if (claimed < relayConnections) await this.sleep(idlePollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeRequested = false;
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (this.wakeRequested) done();
      else this.wakeUp = done;
    });
  }
}
