import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { DuplicatePairsRepository } from '../duplicate-candidates/duplicate-pairs.repository';
import { contactChangedEvent } from './contact-changed';
import { ContactActivitiesRepository } from './contact-activities.repository';
import { mergedMemberships, mergedPhones, mergedTags } from './contact-merge';
import { ContactEntity } from './contact.entity';
import { ContactResponseDto, toContactResponse } from './contact.dto';
import { contactAnonymized, contactMergedAway, contactNotFound } from './contacts.service';
import { ContactsRepository } from './contacts.repository';

/**
 * Merges a duplicate contact into the one that survives: addresses, phones, memberships and tags move over, and the
 * merged-away row stays as a tombstone so its id still leads to the survivor. Other services follow the merge event.
 */
@Injectable()
export class MergeContactsUseCase {
  private readonly logger = new Logger(MergeContactsUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
    private readonly duplicatePairs: DuplicatePairsRepository,
  ) {}

  async execute(survivorId: string, mergedAwayId: string): Promise<ContactResponseDto> {
    if (survivorId === mergedAwayId) {
      throw new IdentityException(IdentityErrorCode.MergeIntoItself, 'A contact cannot be merged into itself');
    }
    const survivor = await this.events.run(async (manager, outbox) => {
      const [survivor, mergedAway] = await this.lockMergeable([survivorId, mergedAwayId], manager);
      await this.moveBelongings(survivor, mergedAway, manager);
      await this.contacts.markMerged(mergedAwayId, survivorId, manager);
      await this.activities.record(survivorId, { kind: 'merged', details: { otherContactId: mergedAwayId } }, manager);
      await this.activities.record(mergedAwayId, { kind: 'merged', details: { otherContactId: survivorId } }, manager);
      const merged = (await this.contacts.findById(survivorId, manager))!;
      const occurredAt = new Date().toISOString();
      await outbox.add(Topics.IdentityContactMerged, mergedAwayId, { eventId: randomUUID(), occurredAt, survivorId, mergedAwayId });
      await outbox.add(Topics.IdentityContactChanged, survivorId, contactChangedEvent(merged, 'updated'));
      await this.duplicatePairs.refresh([survivorId, mergedAwayId], manager);
      return merged;
    });
    this.logger.log({ survivorId, mergedAwayId }, 'contacts merged');
    return toContactResponse(survivor);
  }

  /** Locks the contacts in id order, so two merges of one pair cannot deadlock, and refuses tombstones and anonymized contacts. */
  private async lockMergeable(ids: [string, string], manager: EntityManager): Promise<[ContactEntity, ContactEntity]> {
    for (const id of [...ids].sort()) {
      if (!(await this.contacts.lockContact(id, manager))) throw contactNotFound(id);
    }
    const [survivor, mergedAway] = [(await this.contacts.findById(ids[0], manager))!, (await this.contacts.findById(ids[1], manager))!];
    for (const contact of [survivor, mergedAway]) {
      if (contact.mergedIntoId) throw contactMergedAway(contact);
      if (contact.anonymizedAt) throw contactAnonymized(contact.id);
    }
    return [survivor, mergedAway];
  }

  private async moveBelongings(survivor: ContactEntity, mergedAway: ContactEntity, manager: EntityManager): Promise<void> {
    // Inbound mail resolves an address under its lock: it sees the address either before or after it moved.
    await this.contacts.lockAddresses(
      mergedAway.emails.map((address) => address.email),
      manager,
    );
    await this.contacts.moveEmails(mergedAway.id, survivor.id, manager);
    await this.contacts.replacePhones(mergedAway.id, [], manager);
    await this.contacts.replacePhones(survivor.id, mergedPhones(survivor.phones, mergedAway.phones), manager);
    for (const { organizationId, isPrimaryContact } of mergedMemberships(survivor.memberships, mergedAway.memberships)) {
      await this.contacts.setMembership(survivor.id, organizationId, isPrimaryContact, manager);
    }
    await this.contacts.updateProfile(survivor.id, { tags: mergedTags(survivor.tags, mergedAway.tags) }, manager);
    await this.contacts.moveDomainConflicts(mergedAway.id, survivor.id, manager);
    await this.contacts.moveChatTranscripts(mergedAway.id, survivor.id, manager);
  }
}
