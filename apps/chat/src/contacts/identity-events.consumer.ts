import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityChatRequesterResolvedV1, IdentityContactChangedV1, IdentityOrganizationChangedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { ContactDirectory } from './contact-directory';

/** identity's contacts, organizations (support contracts) and the contacts it found for chat's visitors. */
@EventConsumer()
export class IdentityEventsConsumer {
  constructor(private readonly directory: ContactDirectory) {}

  @EventPattern(Topics.IdentityContactChanged)
  async onContactChanged(@Payload() event: IdentityContactChangedV1): Promise<void> {
    await this.directory.learnContact(event);
  }

  @EventPattern(Topics.IdentityOrganizationChanged)
  async onOrganizationChanged(@Payload() event: IdentityOrganizationChangedV1): Promise<void> {
    await this.directory.learnOrganization(event);
  }

  @EventPattern(Topics.IdentityChatRequesterResolved)
  async onChatRequesterResolved(@Payload() event: IdentityChatRequesterResolvedV1): Promise<void> {
    await this.directory.linkVisitor(event);
  }
}
