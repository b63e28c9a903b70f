import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailInboundReceivedV1, Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import { contactChangedEvent } from '../contacts/contact-changed';
import { ContactActivitiesRepository } from '../contacts/contact-activities.repository';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { displayNameFor, domainOf, normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { nameFromFullName } from '../domain/person-name';
import { DomainAssignment } from '../organizations/domain-assignment';
import { SettingsService } from '../settings/settings.service';
import { UnknownSendersService } from '../unknown-senders/unknown-senders.service';
import { WelcomeMails } from '../welcome-mail/welcome-mails';
import { requesterResolvedEvent } from './requester-resolved';

/**
 * Finds the contact behind an inbound mail, creating it (in the organization the sender's domain belongs to,
 * else "Unassigned") when the sender is new, and tells the ticket side who the requester is. While contacts
 * are not created automatically, mail from a new sender is held for an agent instead.
 */
@Injectable()
export class ResolveRequesterUseCase {
  private readonly logger = new Logger(ResolveRequesterUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
    private readonly assignment: DomainAssignment,
    private readonly settings: SettingsService,
    private readonly unknownSenders: UnknownSendersService,
    private readonly welcomeMails: WelcomeMails,
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
      const contact = (await this.contacts.findByEmail(email, manager)) ?? (await this.contactForNewSender(email, event, manager, outbox));
      if (!contact) return;
      await this.contacts.markSeen(contact.id, manager);
      await this.activities.record(
        contact.id,
        { kind: 'mail_received', details: { inboundMessageId: event.mail.inboundMessageId } },
        manager,
      );
      await outbox.add(Topics.IdentityRequesterResolved, contact.id, requesterResolvedEvent(event.mail, contact, email));
    });
  }

  /** Creates the contact of a new sender, unless the mail is automated or agents create contacts themselves. */
  private async contactForNewSender(
    email: string,
    event: EmailInboundReceivedV1,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<ContactEntity | null> {
    const { inboundMessageId } = event.mail;
    if (event.mail.isAutomated) {
      // Auto-replies and bounces from unknown addresses must not create contacts (nor tickets).
      this.logger.log({ inboundMessageId }, 'automated mail from an unknown sender not turned into a contact');
      return null;
    }
    if (!(await this.settings.current(manager)).autoCreateContacts) {
      await this.unknownSenders.hold(event, email, manager);
      return null;
    }
    return this.createContact(email, event.mail.from.name, manager, outbox);
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
    await this.activities.record(contact.id, { kind: 'created', details: { source: 'email' } }, manager);
    await outbox.add(Topics.IdentityContactChanged, contact.id, contactChangedEvent(contact, 'created'));
    await this.welcomeMails.sendIfDue(contact, manager, outbox);
    this.logger.log({ contactId: contact.id, organizationId: organization.id }, 'contact created from inbound mail');
    return contact;
  }
}
