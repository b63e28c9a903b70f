import { EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { QueueOutboundMailUseCase } from './queue-outbound-mail.use-case';

@EventConsumer()
export class OutboundRequestConsumer {
  constructor(private readonly queueOutboundMail: QueueOutboundMailUseCase) {}

  @ConsumeEvent(Topics.EmailOutboundRequested, { batch: true })
  async onOutboundRequested(events: EmailOutboundRequestedV1[]): Promise<void> {
    await this.queueOutboundMail.execute(events);
  }
}
