import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';

@EventConsumer()
export class RequesterResolvedConsumer {
  constructor(private readonly openOrThreadTicket: OpenOrThreadTicketUseCase) {}

  @EventPattern(Topics.IdentityRequesterResolved, { batch: true })
  async onRequesterResolved(@Payload() events: IdentityRequesterResolvedV1[]): Promise<void> {
    await this.openOrThreadTicket.execute(events);
  }
}
