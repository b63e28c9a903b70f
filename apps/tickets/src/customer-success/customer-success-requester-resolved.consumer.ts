import { IdentityCustomerSuccessRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { OpenCustomerSuccessTicketUseCase } from './open-customer-success-ticket.use-case';

@EventConsumer()
export class CustomerSuccessRequesterResolvedConsumer {
  constructor(private readonly openTicket: OpenCustomerSuccessTicketUseCase) {}

  @ConsumeEvent(Topics.IdentityCustomerSuccessRequesterResolved)
  async onRequesterResolved(event: IdentityCustomerSuccessRequesterResolvedV1): Promise<void> {
    await this.openTicket.execute(event);
  }
}
