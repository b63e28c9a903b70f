import { Injectable } from '@nestjs/common';
import {
  IdentityChatRequesterResolvedV1,
  IdentityContactAnonymizedV2,
  IdentityContactChangedV1,
  IdentityOrganizationChangedV1,
  Topics,
} from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { VisitorsRepository } from '../visitors/visitors.repository';
import { ContactsRepository } from './contacts.repository';

/** Chat learns contacts from identity's events, as tickets does; it never reads identity's tables. */
@Injectable()
export class ContactDirectory {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly visitors: VisitorsRepository,
  ) {}

  /** A contact identity erased is not learned again from an event published before its erasure but handled after it. */
  async learnContact(event: IdentityContactChangedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactChanged, async (manager) => {
      if (await this.contacts.isErased(event.contact.id, manager)) return;
      await this.contacts.learnContact(event.contact, new Date(event.occurredAt), manager);
    });
  }

  /**
   * identity erased the contact: chat forgets it, and its visitors' names and addresses, and blanks the erased names and
   * addresses inside the texts of their conversations (the conversations themselves stay, as tickets' do).
   */
  async eraseContact(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactAnonymized, (manager) =>
      this.contacts.erase(event.contactId, event.erased, new Date(event.occurredAt), manager),
    );
  }

  async learnOrganization(event: IdentityOrganizationChangedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityOrganizationChanged, (manager) =>
      this.contacts.learnOrganization(event.organization, new Date(event.occurredAt), manager),
    );
  }

  /**
   * The visitor who gave an email is that contact from now on: its conversations show on the contact's profile. An
   * answer about a contact identity has erased since (resolved before the erasure, handled after it) links nothing
   * and teaches chat nothing: the erasure already blanked that visitor.
   */
  async linkVisitor(event: IdentityChatRequesterResolvedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityChatRequesterResolved, async (manager) => {
      const { requester } = event;
      if (await this.contacts.isErased(requester.contactId, manager)) return;
      await this.contacts.learnContact(
        {
          id: requester.contactId,
          email: requester.email,
          name: requester.name,
          organizationId: requester.organizationId,
          organizationName: requester.organizationName,
        },
        new Date(event.occurredAt),
        manager,
      );
      await this.visitors.linkToContact(event.visitorId, requester.contactId, manager);
    });
  }
}
