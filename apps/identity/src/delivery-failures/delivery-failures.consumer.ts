import { EventPattern, Payload } from '@nestjs/microservices';
import { EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { MarkUndeliverableUseCase } from './mark-undeliverable.use-case';

@EventConsumer()
export class DeliveryFailuresConsumer {
  constructor(private readonly markUndeliverable: MarkUndeliverableUseCase) {}

  @EventPattern(Topics.EmailOutboundFailed)
  async onDeliveryFailed(@Payload() event: EmailOutboundFailedV1): Promise<void> {
    await this.markUndeliverable.execute(event);
  }
}
