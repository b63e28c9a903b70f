import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { DuplicatePairsRepository } from '../duplicate-candidates/duplicate-pairs.repository';
import { ContactActivitiesRepository } from './contact-activities.repository';
import { anonymousContactName, erasedIdentifiersOf, erasedProfile } from './contact-anonymization';
import { ContactEntity } from './contact.entity';
import { contactAnonymized, contactMergedAway, contactNotFound } from './contacts.service';
import { ContactsRepository } from './contacts.repository';

/**
 * Deletes a contact by erasing its personal data. The row stays, under a placeholder name, so its timeline, tickets
 * and memberships keep pointing at someone; its addresses are freed, so later mail from them makes a new contact.
 */
@Injectable()
export class AnonymizeContactUseCase {
  private readonly logger = new Logger(AnonymizeContactUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
    private readonly duplicatePairs: DuplicatePairsRepository,
  ) {}

  async execute(id: string): Promise<void> {
    await this.events.run(async (manager, outbox) => {
      const contact = await this.lockErasable(id, manager);
      // Inbound mail resolves an address under its lock: it sees the address either still taken or already free.
      await this.contacts.lockAddresses(
        contact.emails.map(({ email }) => email),
        manager,
      );
      await this.contacts.updateProfile(id, erasedProfile(), manager);
      await this.contacts.eraseIdentifiers(id, manager);
      const occurredAt = new Date().toISOString();
      await this.contacts.rememberErasedAddresses(
        contact.emails.map(({ email }) => email),
        new Date(occurredAt),
        manager,
      );
      await this.activities.record(id, { kind: 'anonymized', details: {} }, manager);
      await outbox.add(Topics.IdentityContactAnonymized, id, {
        eventId: randomUUID(),
        occurredAt,
        contactId: id,
        name: anonymousContactName,
        erased: erasedIdentifiersOf(contact),
      });
      await this.duplicatePairs.refresh([id], manager);
    });
    this.logger.log({ contactId: id }, 'contact anonymized');
  }

  private async lockErasable(id: string, manager: EntityManager): Promise<ContactEntity> {
    if (!(await this.contacts.lockContact(id, manager))) throw contactNotFound(id);
    const contact = (await this.contacts.findById(id, manager))!;
    if (contact.mergedIntoId) throw contactMergedAway(contact);
    if (contact.anonymizedAt) throw contactAnonymized(id);
    return contact;
  }
}
