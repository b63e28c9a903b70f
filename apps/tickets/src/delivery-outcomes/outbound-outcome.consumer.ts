import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, IdentityAccessMailFailedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { RecordDeliveryUseCase } from './record-delivery.use-case';

@EventConsumer()
export class OutboundOutcomeConsumer {
  constructor(private readonly recordDelivery: RecordDeliveryUseCase) {}

  @ConsumeEvent(Topics.EmailOutboundDelivered, { batch: true })
  async onDelivered(events: EmailOutboundDeliveredV1[]): Promise<void> {
    await this.recordDelivery.delivered(events);
  }

  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onFailed(event: EmailOutboundFailedV1): Promise<void> {
    await this.recordDelivery.failed(event);
  }

  @ConsumeEvent(Topics.IdentityAccessMailFailed)
  async onAccessMailFailed(event: IdentityAccessMailFailedV1): Promise<void> {
    await this.recordDelivery.accessMailFailed(event);
  }
}
