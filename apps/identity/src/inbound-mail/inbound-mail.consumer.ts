import { EmailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

@EventConsumer()
export class InboundMailConsumer {
  constructor(private readonly resolveRequester: ResolveRequesterUseCase) {}

  @ConsumeEvent(Topics.EmailInboundReceived, { batch: true })
  async onInboundMail(events: EmailInboundReceivedV2[]): Promise<void> {
    await this.resolveRequester.execute(events);
  }
}
