import { EventPattern, Payload } from '@nestjs/microservices';
import { EmailInboundReceivedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

@EventConsumer()
export class InboundMailConsumer {
  constructor(private readonly resolveRequester: ResolveRequesterUseCase) {}

  @EventPattern(Topics.EmailInboundReceived, { batch: true })
  async onInboundMail(@Payload() events: EmailInboundReceivedV1[]): Promise<void> {
    await this.resolveRequester.execute(events);
  }
}
