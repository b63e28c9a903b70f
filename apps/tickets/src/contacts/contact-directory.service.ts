import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IdentityContactAnonymizedV2, IdentityContactChangedV1, IdentityContactMergedV1, Requester } from '@helpgate/contracts';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { ContactsRepository } from './contacts.repository';
import { ContactEntity } from './contact.entity';

/** How a ticket opened through the API names its requester. */
export type RequesterReference = { contactId: string } | { email: string };

export interface KnownIdentities {
  contactIds: string[];
  addresses: string[];
  names: string[];
}

const maxMergeHops = 10;

/**
 * The contacts tickets knows from identity's events: enough to open a ticket for a contact by id or address, with
 * its organization. Identity owns contacts; an address it has not told about yet is unknown here.
 */
@Injectable()
export class ContactDirectoryService {
  constructor(private readonly contacts: ContactsRepository) {}

  /** The requesters of mails, in the order of the mails. */
  async learnRequesters(mails: { requester: Requester; occurredAt: string }[], manager: EntityManager): Promise<void> {
    await this.contacts.saveRequesters(
      mails.map(({ requester: { contactId, email, name, organizationId, organizationName }, occurredAt }) => ({
        id: contactId,
        address: email,
        name,
        organizationId,
        organizationName,
        knownAt: new Date(occurredAt),
      })),
      manager,
    );
  }

  /** Contacts as identity described them, in the order it did. */
  async learnContacts(events: IdentityContactChangedV1[], manager: EntityManager): Promise<void> {
    const erased = await this.erasedAmong(
      events.map(({ contact }) => contact.id),
      manager,
    );
    await this.contacts.saveContacts(
      events
        .filter(({ contact }) => !erased.has(contact.id))
        .map(({ contact: { id, email, name, organizationId, organizationName }, occurredAt }) => ({
          id,
          email,
          name,
          organizationId,
          organizationName,
          knownAt: new Date(occurredAt),
        })),
      manager,
    );
  }

  /** The contact and those merged into it, with every address and name they are known by here. */
  async identitiesOf(contactId: string, manager: EntityManager): Promise<KnownIdentities> {
    const contactIds = await this.contacts.withMergedAway(contactId, manager);
    return { contactIds, ...(await this.contacts.identifiersOf(contactIds, manager)) };
  }

  /** Identity erased the contact: its addresses and name (and those of the contacts merged into it) are forgotten. */
  async forget(event: IdentityContactAnonymizedV2, contactIds: string[], manager: EntityManager): Promise<void> {
    await this.contacts.anonymize(contactIds, event.name, new Date(event.occurredAt), manager);
    await this.contacts.rememberErased(contactIds, new Date(event.occurredAt), manager);
  }

  /** Those of the contacts identity erased: whatever was said of them before their erasure must not be filed now. */
  async erasedAmong(contactIds: string[], manager: EntityManager): Promise<Set<string>> {
    return this.contacts.erasedAmong([...new Set(contactIds)], manager);
  }

  async learnMerge(event: IdentityContactMergedV1, manager: EntityManager): Promise<void> {
    await this.contacts.markMerged(event.mergedAwayId, event.survivorId, manager);
  }

  /** The requester named by contact id (a merged-away id leads to the survivor) or by any address the contact has. */
  async requester(reference: RequesterReference, manager: EntityManager): Promise<Requester> {
    const byEmail = 'email' in reference;
    const named = byEmail
      ? await this.contacts.findByAddress(reference.email, manager)
      : await this.contacts.findById(reference.contactId, manager);
    const contact = named && (await this.survivorOf(named, manager));
    if (!contact) {
      const given = byEmail ? reference.email : reference.contactId;
      throw new TicketsException(
        TicketsErrorCode.UnknownRequester,
        `No contact ${given} is known here yet: create it in identity (POST /contacts), then open the ticket`,
      );
    }
    if (!contact.email) {
      throw new TicketsException(TicketsErrorCode.RequesterWithoutAddress, `The contact ${contact.id} has no address any more`);
    }
    return {
      contactId: contact.id,
      email: byEmail ? reference.email : contact.email,
      name: contact.name,
      organizationId: contact.organizationId,
      organizationName: contact.organizationName,
    };
  }

  private async survivorOf(contact: ContactEntity, manager: EntityManager): Promise<ContactEntity | null> {
    let current: ContactEntity | null = contact;
    for (let hop = 0; current?.mergedIntoId && hop < maxMergeHops; hop++)
      current = await this.contacts.findById(current.mergedIntoId, manager);
    return current?.mergedIntoId ? null : current;
  }
}
