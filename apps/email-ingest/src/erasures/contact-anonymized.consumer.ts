import { IdentityContactAnonymizedV2, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { EraseContactMailUseCase } from './erase-contact-mail.use-case';

@EventConsumer()
export class ContactAnonymizedConsumer {
  constructor(private readonly eraseContactMail: EraseContactMailUseCase) {}

  @ConsumeEvent(Topics.IdentityContactAnonymized)
  async onContactAnonymized(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.eraseContactMail.execute(event);
  }
}
