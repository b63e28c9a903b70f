import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailInboundReceivedV1, Topics } from '@helpgate/contracts';
import { Outbox, OutboxEntry, TransactionalEvents } from '@helpgate/outbox';
import { contactChangedEvent } from '../contacts/contact-changed';
import { ContactActivitiesRepository, ContactActivityEntry } from '../contacts/contact-activities.repository';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { displayNameFor, domainOf, normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { nameFromFullName } from '../domain/person-name';
import { DomainAssignmentService, Placement } from '../organizations/domain-assignment.service';
import type { IdentitySettings } from '../settings/identity-settings';
import { SettingsService } from '../settings/settings.service';
import { UnknownSendersService } from '../unknown-senders/unknown-senders.service';
import { WelcomeMailsService } from '../welcome-mail/welcome-mails.service';
import { requesterResolvedEvent } from './requester-resolved';

/** An inbound mail and its sender's normalized address. */
interface SenderMail {
  event: EmailInboundReceivedV1;
  email: string;
}

/** A contact created for a new sender, the mail that created it, and the organizations that also claim its domain. */
interface CreatedContact {
  contact: ContactEntity;
  email: string;
  creatorEventId: string;
  conflictingClaims: Placement['conflictingClaims'];
}

/**
 * One batch's reads for its new senders (made once, when the first new sender needs them), and the timeline
 * entries and events it writes at its end, each in one statement, in the order of its mails.
 */
interface BatchWork {
  settings(): Promise<IdentitySettings>;
  placement(domain: string): Promise<Placement>;
  activities: ContactActivityEntry[];
  events: OutboxEntry[];
}

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
    private readonly assignment: DomainAssignmentService,
    private readonly settings: SettingsService,
    private readonly unknownSenders: UnknownSendersService,
    private readonly welcomeMails: WelcomeMailsService,
  ) {}

  /**
   * Resolves the requesters of a batch of mails (one partition's, in offset order) in one transaction, with a
   * few statements for the whole batch; a new sender's contact is created by its first mail that may create it.
   * Throws, committing nothing, when a mail that is not automated has no valid sender address.
   */
  async execute(events: readonly EmailInboundReceivedV1[]): Promise<void> {
    const senders = new Map<string, string>();
    for (const event of events) {
      const email = this.senderOf(event);
      if (email) senders.set(event.eventId, email);
    }
    const addressed = events.filter((event) => senders.has(event.eventId));
    if (addressed.length === 0) return;
    await this.events.runOnceEach(addressed, Topics.EmailInboundReceived, async (fresh, manager, outbox) => {
      await this.resolve(
        fresh.map((event) => ({ event, email: senders.get(event.eventId)! })),
        manager,
        outbox,
      );
    });
  }

  /** The normalized sender address; null for automated mail without one, which makes no contact. */
  private senderOf(event: EmailInboundReceivedV1): string | null {
    const email = normalizeEmail(event.mail.from.address);
    if (email) return email;
    if (!event.mail.isAutomated) {
      throw new IdentityException(IdentityErrorCode.InvalidEmail, 'The sender of the inbound mail has no valid address');
    }
    this.logger.log({ inboundMessageId: event.mail.inboundMessageId }, 'automated mail without a sender address: no contact');
    return null;
  }

  private async resolve(mails: readonly SenderMail[], manager: EntityManager, outbox: Outbox): Promise<void> {
    const addresses = mails.map((mail) => mail.email);
    await this.contacts.lockAddresses(addresses, manager);
    const contacts = await this.contacts.findSummariesByEmail(addresses, manager);
    const batch = this.batchWork(addresses.filter((address) => !contacts.has(address)).map(domainOf), manager);
    const created = await this.createNewSenders(mails, contacts, batch, manager);
    const seen = new Set<string>();
    for (const mail of mails) {
      const contact = contacts.get(mail.email) ?? (await this.contactForNewSender(mail, created, batch, manager, outbox));
      if (!contact) continue;
      contacts.set(mail.email, contact);
      seen.add(contact.id);
      batch.activities.push({
        contactId: contact.id,
        activity: { kind: 'mail_received', details: { inboundMessageId: mail.event.mail.inboundMessageId } },
      });
      batch.events.push({
        topic: Topics.IdentityRequesterResolved,
        key: contact.id,
        event: requesterResolvedEvent(mail.event.mail, contact, mail.email),
      });
    }
    if (seen.size > 0) await this.contacts.markSeen([...seen], manager);
    await this.activities.recordAll(batch.activities, manager);
    await outbox.addAll(batch.events);
  }

  /**
   * Creates, in one statement, the contacts of the batch's new senders that may have one: each by its sender's
   * first mail that is not automated, while contacts are created automatically. The rest of what a creation does
   * happens at that mail, in mail order (`contactCreatedBy`); a mail before it does not see the contact.
   */
  private async createNewSenders(
    mails: readonly SenderMail[],
    contacts: ReadonlyMap<string, unknown>,
    batch: BatchWork,
    manager: EntityManager,
  ): Promise<Map<string, CreatedContact>> {
    const creators = new Map<string, SenderMail>();
    for (const mail of mails) {
      if (!contacts.has(mail.email) && !creators.has(mail.email) && !mail.event.mail.isAutomated) creators.set(mail.email, mail);
    }
    if (creators.size === 0 || !(await batch.settings()).autoCreateContacts) return new Map();
    const planned: { mail: SenderMail; placement: Placement }[] = [];
    for (const mail of creators.values()) planned.push({ mail, placement: await batch.placement(domainOf(mail.email)) });
    const created = await this.contacts.createMailSenders(
      planned.map(({ mail, placement }) => ({
        name: nameFromFullName(displayNameFor(mail.email, mail.event.mail.from.name)),
        email: mail.email,
        organizationId: placement.organization.id,
      })),
      manager,
    );
    return new Map(
      planned.map(({ mail, placement }, index) => [
        mail.email,
        { contact: created[index], email: mail.email, creatorEventId: mail.event.eventId, conflictingClaims: placement.conflictingClaims },
      ]),
    );
  }

  private batchWork(newSenderDomains: readonly string[], manager: EntityManager): BatchWork {
    let settings: Promise<IdentitySettings> | undefined;
    let placements: Promise<Map<string, Placement>> | undefined;
    return {
      settings: () => (settings ??= this.settings.current(manager)),
      placement: async (domain) => (await (placements ??= this.assignment.placeNewContacts(newSenderDomains, manager))).get(domain)!,
      activities: [],
      events: [],
    };
  }

  /**
   * The contact of a new sender at this mail: the one created for it when this is its creating mail; none for
   * automated mail, nor while agents create contacts themselves (the mail is held for them).
   */
  private async contactForNewSender(
    mail: SenderMail,
    created: ReadonlyMap<string, CreatedContact>,
    batch: BatchWork,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<ContactEntity | null> {
    const creation = created.get(mail.email);
    if (creation?.creatorEventId === mail.event.eventId) return this.contactCreatedBy(creation, batch, manager, outbox);
    const { inboundMessageId } = mail.event.mail;
    if (mail.event.mail.isAutomated) {
      // Auto-replies and bounces from unknown addresses must not create contacts (nor tickets).
      this.logger.log({ inboundMessageId }, 'automated mail from an unknown sender not turned into a contact');
      return null;
    }
    await this.unknownSenders.hold(mail.event, mail.email, manager);
    return null;
  }

  /** What follows the creation of a contact, at the mail that created it: its conflicts, timeline, event, welcome mail. */
  private async contactCreatedBy(
    { contact, email, conflictingClaims }: CreatedContact,
    batch: BatchWork,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<ContactEntity> {
    const domain = domainOf(email);
    if (conflictingClaims.length > 0) await this.assignment.recordConflict(contact.id, domain, conflictingClaims, manager);
    batch.activities.push({ contactId: contact.id, activity: { kind: 'created', details: { source: 'email' } } });
    batch.events.push({ topic: Topics.IdentityContactChanged, key: contact.id, event: contactChangedEvent(contact, 'created') });
    // The welcome mail enters the outbox at once; it goes to another service than the contact's other events.
    await this.welcomeMails.sendIfDue(contact, manager, outbox, await batch.settings());
    this.logger.log({ contactId: contact.id, organizationId: contact.organizationId }, 'contact created from inbound mail');
    return contact;
  }
}
