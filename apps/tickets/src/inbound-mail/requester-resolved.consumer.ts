import { IdentityRequesterResolvedV2, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';

@EventConsumer()
export class RequesterResolvedConsumer {
  constructor(private readonly openOrThreadTicket: OpenOrThreadTicketUseCase) {}

  @ConsumeEvent(Topics.IdentityRequesterResolved, { batch: true })
  async onRequesterResolved(events: IdentityRequesterResolvedV2[]): Promise<void> {
    await this.openOrThreadTicket.execute(events);
  }
}
