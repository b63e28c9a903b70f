import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailInboundReceivedV1, Requester, Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import { contactChangedEvent } from '../contacts/contact-changed';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { displayNameFor, domainOf, normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { nameFromFullName } from '../domain/person-name';
import { DomainAssignment } from '../organizations/domain-assignment';

/**
 * Finds the contact behind an inbound mail, creating it (in the organization the sender's domain belongs to,
 * else "Unassigned") when the sender is new, and tells the ticket side who the requester is.
 */
@Injectable()
export class ResolveRequesterUseCase {
  private readonly logger = new Logger(ResolveRequesterUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly assignment: DomainAssignment,
  ) {}

  async execute(event: EmailInboundReceivedV1): Promise<void> {
    const email = normalizeEmail(event.mail.from.address);
    if (!email && event.mail.isAutomated) {
      this.logger.log({ inboundMessageId: event.mail.inboundMessageId }, 'automated mail without a sender address: no contact');
      return;
    }
    if (!email) {
      throw new IdentityException(IdentityErrorCode.InvalidEmail, 'The sender of the inbound mail has no valid address');
    }
    await this.events.runOnce(event, Topics.EmailInboundReceived, async (manager, outbox) => {
      await this.contacts.lockAddress(email, manager);
      const known = await this.contacts.findByEmail(email, manager);
      if (!known && event.mail.isAutomated) {
        // Auto-replies and bounces from unknown addresses must not create contacts (nor tickets).
        this.logger.log(
          { inboundMessageId: event.mail.inboundMessageId },
          'automated mail from an unknown sender not turned into a contact',
        );
        return;
      }
      const contact = known ?? (await this.createContact(email, event.mail.from.name, manager, outbox));
      await this.contacts.markSeen(contact.id, manager);
      const requester = toRequester(contact, email);
      await outbox.add(Topics.IdentityRequesterResolved, contact.id, {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        mail: event.mail,
        requester,
      });
    });
  }

  private async createContact(
    email: string,
    displayName: string | undefined,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<ContactEntity> {
    const domain = domainOf(email);
    const { organization, conflictingClaims } = await this.assignment.placeNewContact(domain, manager);
    const contact = await this.contacts.create(
      { name: nameFromFullName(displayNameFor(email, displayName)), email, organizationId: organization.id, source: 'email' },
      manager,
    );
    if (conflictingClaims.length > 0) await this.assignment.recordConflict(contact.id, domain, conflictingClaims, manager);
    await outbox.add(Topics.IdentityContactChanged, contact.id, contactChangedEvent(contact, 'created'));
    this.logger.log({ contactId: contact.id, organizationId: organization.id }, 'contact created from inbound mail');
    return contact;
  }
}

function toRequester(contact: ContactEntity, email: string): Requester {
  return {
    contactId: contact.id,
    email,
    name: contact.name,
    organizationId: contact.organization.id,
    organizationName: contact.organization.name,
  };
}
