import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox, OutboxEntry } from '@helpgate/outbox';
import { contactChangedEvent } from '../contacts/contact-changed';
import { ContactActivitiesRepository, ContactActivityEntry } from '../contacts/contact-activities.repository';
import { ContactEntity, SenderSource } from '../contacts/contact.entity';
import { ContactsRepository, ContactSummary } from '../contacts/contacts.repository';
import { displayNameFor, domainOf } from '../domain/email-address';
import { DuplicatePairsRepository } from '../duplicate-candidates/duplicate-pairs.repository';
import { nameFromFullName } from '../domain/person-name';
import { DomainAssignmentService, Placement } from '../organizations/domain-assignment.service';
import type { IdentitySettings } from '../settings/identity-settings';
import { SettingsService } from '../settings/settings.service';
import { WelcomeMailsService } from '../welcome-mail/welcome-mails.service';

/** Someone who wrote in (a mail's sender, a chat visitor), whose contact is found, or created, by the rules mail follows. */
export interface Sender {
  /** The normalized address. */
  email: string;
  /** The name given with the address, if any. */
  name?: string;
  /** False for automated mail, which never creates a contact. */
  mayCreate: boolean;
}

/**
 * One transaction resolving senders. The timeline entries and events it holds are written at its end
 * (`RequesterResolution.finish`), each in one statement, in the order they were added.
 */
export interface ResolutionWork {
  manager: EntityManager;
  outbox: Outbox;
  activities: ContactActivityEntry[];
  events: OutboxEntry[];
  /** The contacts it created, whose likely duplicates are stored at its end. */
  createdContactIds: string[];
}

export function resolutionWork(manager: EntityManager, outbox: Outbox): ResolutionWork {
  return { manager, outbox, activities: [], events: [], createdContactIds: [] };
}

/** A contact created for a new sender, the sender that created it, and the organizations that also claim its domain. */
interface Creation {
  contact: ContactEntity;
  creator: number;
  conflictingClaims: Placement['conflictingClaims'];
}

/** The contacts created for new addresses, by address, and the settings they were created under. */
interface Creations {
  byEmail: Map<string, Creation>;
  settings?: IdentitySettings;
}

/**
 * The one set of rules that finds the contact behind an address, for mail and chat alike: the contact owning the
 * address, else a contact created while contacts are created automatically, in the organization its domain places it
 * in (else "Unassigned"). Every lookup holds the address's lock, so two first messages from one address make one
 * contact, even across identity instances.
 */
@Injectable()
export class RequesterResolution {
  private readonly logger = new Logger(RequesterResolution.name);

  constructor(
    private readonly contacts: ContactsRepository,
    private readonly assignment: DomainAssignmentService,
    private readonly settings: SettingsService,
    private readonly welcomeMails: WelcomeMailsService,
    private readonly activities: ContactActivitiesRepository,
    private readonly duplicatePairs: DuplicatePairsRepository,
  ) {}

  /**
   * The contact of each sender, in order (null: none), with a few statements for all of them. A new address's contact
   * is created, with the others of the batch in one statement, by its first sender that may create one; what follows a
   * creation (a domain conflict noted, the timeline entry, `identity.contact.changed.v1`) happens at that sender, and
   * senders before it see no contact. The welcome mails of the contacts created are requested together, after them.
   */
  async contactsOf(senders: readonly Sender[], source: SenderSource, work: ResolutionWork): Promise<(ContactSummary | null)[]> {
    const addresses = senders.map((sender) => sender.email);
    await this.contacts.lockAddresses(addresses, work.manager);
    const known = await this.contacts.findSummariesByEmail(addresses, work.manager);
    const { byEmail: creations, settings } = await this.createNewSenders(senders, known, source, work.manager);
    const resolved: (ContactSummary | null)[] = [];
    const created: ContactEntity[] = [];
    for (const [index, sender] of senders.entries()) {
      const creation = creations.get(sender.email);
      if (!known.has(sender.email) && creation?.creator === index) {
        const contact = await this.contactCreatedBy(creation, source, work);
        known.set(sender.email, contact);
        created.push(contact);
      }
      resolved.push(known.get(sender.email) ?? null);
    }
    // The welcome mails go to another service than the contacts' other events: their order among those does not matter.
    if (settings) work.events.push(...(await this.welcomeMails.mailsDue(created, work.manager, settings)));
    return resolved;
  }

  /**
   * Writes what the work held: its timeline entries and events, one statement each, then the likely duplicates of the
   * contacts it created. Last in the transaction (see `DuplicatePairsRepository.refresh`).
   */
  async finish(work: ResolutionWork): Promise<void> {
    await this.activities.recordAll(work.activities, work.manager);
    await work.outbox.addAll(work.events);
    await this.duplicatePairs.refresh(work.createdContactIds, work.manager, { created: true });
  }

  /**
   * The contact a signed-in visitor is, by its id: the survivor for a contact merged away since; null for an id of no
   * contact, or of a contact whose personal data was erased.
   */
  async contactById(contactId: string, manager: EntityManager): Promise<ContactEntity | null> {
    const survivorId = await this.contacts.findSurvivorId(contactId, manager);
    const contact = survivorId ? await this.contacts.findById(survivorId, manager) : null;
    return contact && !contact.anonymizedAt ? contact : null;
  }

  /**
   * Creates, in one statement, the contacts of the new addresses that may have one, each for its first sender that
   * may create it, while contacts are created automatically. Settings and placements are read only when needed.
   */
  private async createNewSenders(
    senders: readonly Sender[],
    known: ReadonlyMap<string, unknown>,
    source: SenderSource,
    manager: EntityManager,
  ): Promise<Creations> {
    const creators = new Map<string, number>();
    for (const [index, sender] of senders.entries()) {
      if (!known.has(sender.email) && !creators.has(sender.email) && sender.mayCreate) creators.set(sender.email, index);
    }
    if (creators.size === 0) return { byEmail: new Map() };
    const settings = await this.settings.current(manager);
    if (!settings.autoCreateContacts) return { byEmail: new Map() };
    const placements = await this.assignment.placeNewContacts([...creators.keys()].map(domainOf), manager);
    const planned = [...creators].map(([email, creator]) => ({ email, creator, placement: placements.get(domainOf(email))! }));
    const created = await this.contacts.createSenders(
      planned.map(({ email, creator, placement }) => ({
        name: nameFromFullName(displayNameFor(email, senders[creator]!.name)),
        email,
        organizationId: placement.organization.id,
      })),
      source,
      manager,
    );
    const byEmail = new Map(
      planned.map(({ email, creator, placement }, index) => [
        email,
        { contact: created[index]!, creator, conflictingClaims: placement.conflictingClaims },
      ]),
    );
    return { byEmail, settings };
  }

  /** What follows the creation of a contact, at the sender that created it: its conflicts, timeline, event. */
  private async contactCreatedBy(
    { contact, conflictingClaims }: Creation,
    source: SenderSource,
    work: ResolutionWork,
  ): Promise<ContactEntity> {
    const email = contact.emails[0]!.email;
    if (conflictingClaims.length > 0) await this.assignment.recordConflict(contact.id, domainOf(email), conflictingClaims, work.manager);
    work.createdContactIds.push(contact.id);
    work.activities.push({ contactId: contact.id, activity: { kind: 'created', details: { source } } });
    work.events.push({ topic: Topics.IdentityContactChanged, key: contact.id, event: contactChangedEvent(contact, 'created') });
    this.logger.log({ contactId: contact.id, organizationId: contact.organizationId, source }, 'contact created for a new sender');
    return contact;
  }
}
