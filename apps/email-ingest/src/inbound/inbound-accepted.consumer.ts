import { EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { ProcessAcceptedMailUseCase } from './process-accepted-mail.use-case';

@EventConsumer()
export class InboundAcceptedConsumer {
  constructor(private readonly processAcceptedMail: ProcessAcceptedMailUseCase) {}

  @ConsumeEvent(Topics.EmailInboundAccepted, { batch: true })
  async onInboundAccepted(events: EmailInboundAcceptedV1[]): Promise<void> {
    await this.processAcceptedMail.execute(events);
  }
}
