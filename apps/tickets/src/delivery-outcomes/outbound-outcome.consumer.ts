import { EventPattern, Payload } from '@nestjs/microservices';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { RecordDeliveryUseCase } from './record-delivery.use-case';

@EventConsumer()
export class OutboundOutcomeConsumer {
  constructor(private readonly recordDelivery: RecordDeliveryUseCase) {}

  @EventPattern(Topics.EmailOutboundDelivered, { batch: true })
  async onDelivered(@Payload() events: EmailOutboundDeliveredV1[]): Promise<void> {
    await this.recordDelivery.delivered(events);
  }

  @EventPattern(Topics.EmailOutboundFailed)
  async onFailed(@Payload() event: EmailOutboundFailedV1): Promise<void> {
    await this.recordDelivery.failed(event);
  }
}
