import { EventPattern, Payload } from '@nestjs/microservices';
import { EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { ProcessAcceptedMailUseCase } from './process-accepted-mail.use-case';

@EventConsumer()
export class InboundAcceptedConsumer {
  constructor(private readonly processAcceptedMail: ProcessAcceptedMailUseCase) {}

  @EventPattern(Topics.EmailInboundAccepted, { batch: true })
  async onInboundAccepted(@Payload() events: EmailInboundAcceptedV1[]): Promise<void> {
    await this.processAcceptedMail.execute(events);
  }
}
