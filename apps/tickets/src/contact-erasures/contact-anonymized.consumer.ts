import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityContactAnonymizedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { EraseContactUseCase } from './erase-contact.use-case';

@EventConsumer()
export class ContactAnonymizedConsumer {
  constructor(private readonly eraseContact: EraseContactUseCase) {}

  @EventPattern(Topics.IdentityContactAnonymized)
  async onContactAnonymized(@Payload() event: IdentityContactAnonymizedV1): Promise<void> {
    await this.eraseContact.execute(event);
  }
}
