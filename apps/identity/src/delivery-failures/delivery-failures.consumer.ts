import { EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { MarkUndeliverableUseCase } from './mark-undeliverable.use-case';

@EventConsumer()
export class DeliveryFailuresConsumer {
  constructor(private readonly markUndeliverable: MarkUndeliverableUseCase) {}

  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onDeliveryFailed(event: EmailOutboundFailedV1): Promise<void> {
    await this.markUndeliverable.execute(event);
  }
}
