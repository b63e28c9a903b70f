import { IdentityContactAnonymizedV2, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { EraseContactUseCase } from './erase-contact.use-case';

@EventConsumer()
export class ContactAnonymizedConsumer {
  constructor(private readonly eraseContact: EraseContactUseCase) {}

  @ConsumeEvent(Topics.IdentityContactAnonymized)
  async onContactAnonymized(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.eraseContact.execute(event);
  }
}
