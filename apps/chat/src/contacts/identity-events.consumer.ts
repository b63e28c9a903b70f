import {
  IdentityChatRequesterResolvedV1,
  IdentityContactAnonymizedV2,
  IdentityContactChangedV1,
  IdentityOrganizationChangedV1,
  Topics,
} from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { ContactDirectory } from './contact-directory';

/** identity's contacts, organizations (support contracts), erasures and the contacts it found for chat's visitors. */
@EventConsumer()
export class IdentityEventsConsumer {
  constructor(private readonly directory: ContactDirectory) {}

  @ConsumeEvent(Topics.IdentityContactChanged)
  async onContactChanged(event: IdentityContactChangedV1): Promise<void> {
    await this.directory.learnContact(event);
  }

  @ConsumeEvent(Topics.IdentityOrganizationChanged)
  async onOrganizationChanged(event: IdentityOrganizationChangedV1): Promise<void> {
    await this.directory.learnOrganization(event);
  }

  @ConsumeEvent(Topics.IdentityChatRequesterResolved)
  async onChatRequesterResolved(event: IdentityChatRequesterResolvedV1): Promise<void> {
    await this.directory.linkVisitor(event);
  }

  @ConsumeEvent(Topics.IdentityContactAnonymized)
  async onContactAnonymized(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.directory.eraseContact(event);
  }
}
