import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityContactAnonymizedV2, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { ErasedIdentifiers, eraseFromText } from './erase-from-text';
import { PersonalDataRepository } from './personal-data.repository';

/**
 * Identity erased a contact's personal data: tickets erase what they copied of it. The tickets and their conversations
 * stay (a support team keeps its history); the requester and the authors of its messages become the placeholder with
 * no address, its CC entries go, and its addresses and names are replaced in the subjects and texts of the tickets it
 * took part in. Contacts merged into it are erased with it: their addresses became its own.
 */
@Injectable()
export class EraseContactUseCase {
  private readonly logger = new Logger(EraseContactUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly directory: ContactDirectoryService,
    private readonly personalData: PersonalDataRepository,
  ) {}

  async execute(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactAnonymized, async (manager) => {
      const known = await this.directory.identitiesOf(event.contactId, manager);
      const copied = await this.personalData.copiedIdentifiers(known.contactIds, known.addresses, manager);
      const identifiers: ErasedIdentifiers = {
        addresses: [...new Set([...known.addresses, ...copied.addresses, ...event.erased.emails.map((email) => email.toLowerCase())])],
        names: [...new Set([...known.names, ...copied.names, ...event.erased.names])],
        placeholderName: event.name,
      };
      const ticketIds = await this.personalData.ticketsTakenPartIn(known.contactIds, [...identifiers.addresses], manager);
      const rewritten = await this.eraseFromTexts(ticketIds, identifiers, manager);
      const requested = await this.personalData.eraseIdentities(known.contactIds, [...identifiers.addresses], event.name, manager);
      await this.directory.forget(event, known.contactIds, manager);
      this.logger.log(
        { contactId: event.contactId, mergedAway: known.contactIds.length - 1, tickets: ticketIds.length, requested, rewritten },
        "contact's personal data erased from tickets",
      );
    });
  }

  /** Rewrites the subjects and message texts that name the contact; returns how many were rewritten. */
  private async eraseFromTexts(ticketIds: string[], identifiers: ErasedIdentifiers, manager: EntityManager): Promise<number> {
    let rewritten = 0;
    for (const { id, subject } of await this.personalData.subjects(ticketIds, manager)) {
      const erased = eraseFromText(subject, identifiers);
      if (erased === subject) continue;
      await this.personalData.rewriteSubject(id, erased, manager);
      rewritten++;
    }
    for (const texts of await this.personalData.messageTexts(ticketIds, manager)) {
      const erased = {
        id: texts.id,
        bodyText: eraseFromText(texts.bodyText, identifiers),
        fullText: texts.fullText && eraseFromText(texts.fullText, identifiers),
        bodyHtml: texts.bodyHtml && eraseFromText(texts.bodyHtml, identifiers),
      };
      if (erased.bodyText === texts.bodyText && erased.fullText === texts.fullText && erased.bodyHtml === texts.bodyHtml) continue;
      await this.personalData.rewriteMessage(erased, manager);
      rewritten++;
    }
    return rewritten;
  }
}
