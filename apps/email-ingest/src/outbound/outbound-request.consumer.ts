import { EventPattern, Payload } from '@nestjs/microservices';
import { EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { QueueOutboundMailUseCase } from './queue-outbound-mail.use-case';

@EventConsumer()
export class OutboundRequestConsumer {
  constructor(private readonly queueOutboundMail: QueueOutboundMailUseCase) {}

  @EventPattern(Topics.EmailOutboundRequested, { batch: true })
  async onOutboundRequested(@Payload() events: EmailOutboundRequestedV1[]): Promise<void> {
    await this.queueOutboundMail.execute(events);
  }
}
