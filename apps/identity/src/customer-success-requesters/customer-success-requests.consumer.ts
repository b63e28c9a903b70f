import { TicketsCustomerSuccessSubmittedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { ResolveCustomerSuccessRequesterUseCase } from './resolve-customer-success-requester.use-case';

@EventConsumer()
export class CustomerSuccessRequestsConsumer {
  constructor(private readonly resolveRequester: ResolveCustomerSuccessRequesterUseCase) {}

  @ConsumeEvent(Topics.TicketsCustomerSuccessSubmitted)
  async onSubmitted(event: TicketsCustomerSuccessSubmittedV1): Promise<void> {
    await this.resolveRequester.execute(event);
  }
}
