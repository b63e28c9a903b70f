import { IdentityAccessMailRequestedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { SendAccessMailUseCase } from './send-access-mail.use-case';

@EventConsumer()
export class AccessMailConsumer {
  constructor(private readonly sendAccessMail: SendAccessMailUseCase) {}

  @ConsumeEvent(Topics.IdentityAccessMailRequested)
  async onAccessMailRequested(event: IdentityAccessMailRequestedV1): Promise<void> {
    await this.sendAccessMail.execute(event);
  }
}
