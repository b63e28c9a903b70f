import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import type { PageOf } from '@helpgate/platform';
import { domainOf, normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { nameAfter, noName, PersonName } from '../domain/person-name';
import { normalizePhone } from './phone-number';
import { violatedUniqueConstraint } from '../domain/unique-violation';
import { DuplicatePairsRepository } from '../duplicate-candidates/duplicate-pairs.repository';
import { DomainAssignmentService } from '../organizations/domain-assignment.service';
import type { RegisteredDomain } from '../organizations/organization-for-address';
import { WelcomeMailsService } from '../welcome-mail/welcome-mails.service';
import { contactChangedEvent } from './contact-changed';
import { ContactActivitiesRepository } from './contact-activities.repository';
import { changedFields } from './contact-activity';
import { ContactEntity, ContactSource, SenderSource } from './contact.entity';
import { ContactResponseDto, ContactSearchDto, CreateContactDto, toContactResponse, UpdateContactDto } from './contact.dto';
import { ContactsRepository } from './contacts.repository';

/** Who creates contacts through this service; contacts from mail and chat are created where requesters are resolved. */
type CreatedBy = Exclude<ContactSource, SenderSource>;

type ContactChange = (contact: ContactEntity, manager: EntityManager) => Promise<void>;

/** A contact, or where a merged-away contact's id now leads. */
export type ContactLookup = { contact: ContactResponseDto } | { mergedIntoId: string };

interface NewContactPlacement {
  organizationId: string;
  /** The claims that made the address domain ambiguous; empty when it was not. */
  conflictingClaims: RegisteredDomain[];
}

/** The agents' side of contacts: every change commits with its `identity.contact.changed.v1` event. */
@Injectable()
export class ContactsService {
  private readonly logger = new Logger(ContactsService.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
    private readonly assignment: DomainAssignmentService,
    private readonly welcomeMails: WelcomeMailsService,
    private readonly duplicatePairs: DuplicatePairsRepository,
  ) {}

  async search({ email, q, phone, organizationId, tag, status, limit, offset }: ContactSearchDto): Promise<PageOf<ContactResponseDto>> {
    const filter = {
      email: email && requireEmail(email),
      phone: phone && requirePhone(phone),
      nameContains: q,
      organizationId,
      tag,
      status,
    };
    const [contacts, total] = await this.contacts.search(filter, { limit, offset });
    return { items: contacts.map(toContactResponse), total, limit, offset };
  }

  async get(id: string): Promise<ContactLookup> {
    const contact = await this.contacts.findById(id);
    if (!contact) throw contactNotFound(id);
    return contact.mergedIntoId ? { mergedIntoId: contact.mergedIntoId } : { contact: toContactResponse(contact) };
  }

  /** Creates a contact for an agent, or for an import, whose contacts the welcome-mail rules never greet. */
  async create(input: CreateContactDto, source: CreatedBy = 'agent'): Promise<ContactResponseDto> {
    const { name, firstName, lastName, organizationId, ...fields } = input;
    const personName = requireName(nameAfter({ name, firstName, lastName }, noName));
    const contact = await this.events
      .run(async (manager, outbox) => {
        await this.requireFreeAddresses([input.email, ...input.alternateEmails], manager);
        const placement = await this.placeNewContact(input.email, organizationId, manager);
        const created = await this.contacts.create(
          { ...fields, name: personName, organizationId: placement.organizationId, source },
          manager,
        );
        await this.recordConflict(created.id, input.email, placement, manager);
        await this.activities.record(created.id, { kind: 'created', details: { source } }, manager);
        await outbox.add(Topics.IdentityContactChanged, created.id, contactChangedEvent(created, 'created'));
        await this.welcomeMails.sendIfDue(created, manager, outbox);
        await this.duplicatePairs.refresh([created.id], manager, { created: true });
        return created;
      })
      .catch(refuseTakenIdentifiers);
    this.logger.log({ contactId: contact.id, organizationId: contact.organizationId, source }, 'contact created');
    return toContactResponse(contact);
  }

  update(id: string, input: UpdateContactDto): Promise<ContactResponseDto> {
    const { name, firstName, lastName, phones, primaryEmail, defaultOrganizationId, ...profile } = input;
    return this.change(id, changedFields(input), async (contact, manager) => {
      const current: PersonName = { fullName: contact.name, firstName: contact.firstName, lastName: contact.lastName };
      await this.contacts.updateProfile(id, { ...profile, name: requireName(nameAfter({ name, firstName, lastName }, current)) }, manager);
      if (phones) await this.contacts.replacePhones(id, phones, manager);
      if (primaryEmail) await this.switchPrimaryEmail(contact, primaryEmail, manager);
      if (defaultOrganizationId) await this.switchDefaultOrganization(id, defaultOrganizationId, manager);
    });
  }

  addEmail(id: string, email: string): Promise<ContactResponseDto> {
    return this.change(id, ['emails'], async (_contact, manager) => {
      await this.requireFreeAddresses([email], manager);
      await this.contacts.addEmail(id, email, manager);
    });
  }

  removeEmail(id: string, rawEmail: string): Promise<ContactResponseDto> {
    const email = requireEmail(rawEmail);
    return this.change(id, ['emails'], async (contact, manager) => {
      if (contact.emails.some((address) => address.email === email && address.isPrimary)) {
        throw new IdentityException(
          IdentityErrorCode.PrimaryEmailProtected,
          'The primary address cannot be removed; switch the primary first',
        );
      }
      if (!(await this.contacts.removeEmail(id, email, manager))) throw emailNotFound(id);
    });
  }

  verifyEmail(id: string, rawEmail: string): Promise<ContactResponseDto> {
    const email = requireEmail(rawEmail);
    return this.change(id, ['emails'], async (_contact, manager) => {
      if (!(await this.contacts.verifyEmail(id, email, manager))) throw emailNotFound(id);
    });
  }

  setMembership(id: string, organizationId: string, isPrimaryContact: boolean): Promise<ContactResponseDto> {
    return this.change(id, ['organizations'], async (_contact, manager) => {
      await this.requireOrganization(organizationId, manager);
      await this.contacts.setMembership(id, organizationId, isPrimaryContact, manager);
    });
  }

  removeMembership(id: string, organizationId: string): Promise<ContactResponseDto> {
    return this.change(id, ['organizations'], async (contact, manager) => {
      if (contact.organizationId === organizationId) {
        throw new IdentityException(
          IdentityErrorCode.DefaultMembershipProtected,
          'The default organization cannot be left; switch the default organization first',
        );
      }
      if (!(await this.contacts.removeMembership(id, organizationId, manager))) {
        throw new IdentityException(IdentityErrorCode.MembershipNotFound, `The contact ${id} is no member of ${organizationId}`);
      }
    });
  }

  /** Applies a change to a locked contact, records which fields it changed and publishes how the contact is afterwards, once. */
  private async change(id: string, fields: string[], work: ContactChange): Promise<ContactResponseDto> {
    const changed = await this.events
      .run(async (manager, outbox) => {
        if (!(await this.contacts.lockContact(id, manager))) throw contactNotFound(id);
        const current = (await this.contacts.findById(id, manager))!;
        if (current.mergedIntoId) throw contactMergedAway(current);
        if (current.anonymizedAt) throw contactAnonymized(id);
        await work(current, manager);
        await this.contacts.touch(id, manager);
        await this.activities.record(id, { kind: 'profile_changed', details: { fields } }, manager);
        const contact = (await this.contacts.findById(id, manager))!;
        await outbox.add(Topics.IdentityContactChanged, id, contactChangedEvent(contact, 'updated'));
        await this.duplicatePairs.refresh([id], manager);
        return contact;
      })
      .catch(refuseTakenIdentifiers);
    this.logger.log({ contactId: id }, 'contact changed');
    return toContactResponse(changed);
  }

  /** Refuses addresses another contact (or this one) has; the address locks keep inbound mail from creating them meanwhile. */
  private async requireFreeAddresses(emails: string[], manager: EntityManager): Promise<void> {
    await this.contacts.lockAddresses(emails, manager);
    for (const email of emails) {
      const owner = await this.contacts.findByEmail(email, manager);
      if (owner) throw new IdentityException(IdentityErrorCode.EmailTaken, `The address is already the contact ${owner.id}'s`);
    }
  }

  /** In the organization the agent chose, else where the domain rules put an address, as for inbound mail. */
  private async placeNewContact(email: string, organizationId: string | undefined, manager: EntityManager): Promise<NewContactPlacement> {
    if (organizationId !== undefined) {
      await this.requireOrganization(organizationId, manager);
      return { organizationId, conflictingClaims: [] };
    }
    const { organization, conflictingClaims } = await this.assignment.placeNewContact(domainOf(email), manager);
    return { organizationId: organization.id, conflictingClaims };
  }

  private async recordConflict(contactId: string, email: string, placement: NewContactPlacement, manager: EntityManager): Promise<void> {
    if (placement.conflictingClaims.length === 0) return;
    await this.assignment.recordConflict(contactId, domainOf(email), placement.conflictingClaims, manager);
  }

  private async switchPrimaryEmail(contact: ContactEntity, email: string, manager: EntityManager): Promise<void> {
    if (!contact.emails.some((address) => address.email === email)) throw emailNotFound(contact.id);
    await this.contacts.setPrimaryEmail(contact.id, email, manager);
  }

  private async switchDefaultOrganization(id: string, organizationId: string, manager: EntityManager): Promise<void> {
    await this.requireOrganization(organizationId, manager);
    await this.contacts.setDefaultOrganization(id, organizationId, manager);
  }

  private async requireOrganization(id: string, manager: EntityManager): Promise<void> {
    if (!(await this.contacts.organizationExists(id, manager))) {
      throw new IdentityException(IdentityErrorCode.OrganizationNotFound, `No organization ${id}`);
    }
  }
}

function requireName(name: PersonName): PersonName {
  if (!name.fullName) throw new IdentityException(IdentityErrorCode.NameRequired, 'A contact needs a name, or a first or last name');
  return name;
}

function requireEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (!email) throw new IdentityException(IdentityErrorCode.InvalidEmail, 'Not an email address');
  return email;
}

function requirePhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (!phone) throw new IdentityException(IdentityErrorCode.InvalidPhone, 'Not a phone number');
  return phone;
}

export function contactNotFound(id: string): IdentityException {
  return new IdentityException(IdentityErrorCode.ContactNotFound, `No contact ${id}`);
}

export function contactMergedAway(contact: ContactEntity): IdentityException {
  return new IdentityException(IdentityErrorCode.ContactMergedAway, `The contact ${contact.id} was merged into ${contact.mergedIntoId}`);
}

export function contactAnonymized(id: string): IdentityException {
  return new IdentityException(IdentityErrorCode.ContactAnonymized, `The contact ${id} was deleted: its personal data is erased`);
}

function emailNotFound(contactId: string): IdentityException {
  return new IdentityException(IdentityErrorCode.EmailNotFound, `The contact ${contactId} has no such address`);
}

/** Turns the unique indexes' refusals (a race the locks did not cover) into domain refusals; rethrows anything else. */
function refuseTakenIdentifiers(error: unknown): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'contact_emails_pkey') {
    throw new IdentityException(IdentityErrorCode.EmailTaken, 'The address belongs to another contact', { cause: error });
  }
  if (constraint === 'contact_phones_direct_number') {
    throw new IdentityException(IdentityErrorCode.DirectPhoneTaken, 'The direct phone number belongs to another contact', { cause: error });
  }
  throw error;
}
