import { Injectable, Logger } from '@nestjs/common';
import type { Page, PageOf } from '@helpgate/platform';
import { ContactEntity } from '../contacts/contact.entity';
import { toContactResponse } from '../contacts/contact.dto';
import { ContactsRepository } from '../contacts/contacts.repository';
import { contactAnonymized, contactMergedAway, contactNotFound } from '../contacts/contacts.service';
import { DismissalResponseDto, DuplicateCandidateDto, DuplicatePairDto } from './duplicate-candidate.dto';
import { DuplicatePairsRepository } from './duplicate-pairs.repository';

/** Suggests contacts agents may want to merge; merging stays theirs (`POST /contacts/:survivorId/merge`). */
@Injectable()
export class DuplicateCandidatesService {
  private readonly logger = new Logger(DuplicateCandidatesService.name);

  constructor(
    private readonly candidates: DuplicatePairsRepository,
    private readonly contacts: ContactsRepository,
  ) {}

  async candidatesOf(contactId: string, page: Page): Promise<PageOf<DuplicateCandidateDto>> {
    const contact = await this.contacts.findById(contactId);
    if (!contact) throw contactNotFound(contactId);
    if (contact.mergedIntoId) throw contactMergedAway(contact);
    if (contact.anonymizedAt) throw contactAnonymized(contactId);
    const [rows, total] = await this.candidates.candidatesOf(contactId, page);
    const byId = await this.contactsById(rows.map((row) => row.contactId));
    const items = rows.map(({ contactId: id, reasons }) => ({ contact: toContactResponse(byId.get(id)!), reasons }));
    return { items, total, ...page };
  }

  async pairs(page: Page): Promise<PageOf<DuplicatePairDto>> {
    const [rows, total] = await this.candidates.pairs(page);
    const byId = await this.contactsById(rows.flatMap((row) => [row.firstId, row.secondId]));
    const items = rows.map(({ firstId, secondId, reasons }) => ({
      contacts: [toContactResponse(byId.get(firstId)!), toContactResponse(byId.get(secondId)!)] as DuplicatePairDto['contacts'],
      reasons,
    }));
    return { items, total, ...page };
  }

  /** Stops suggesting the two contacts to each other. */
  async dismiss(contactIds: [string, string], dismissedBy: string): Promise<DismissalResponseDto> {
    const found = await this.contactsById(contactIds);
    const missing = contactIds.find((id) => !found.has(id));
    if (missing) throw contactNotFound(missing);
    const [firstId, secondId] = [...contactIds].sort() as [string, string];
    const dismissal = await this.candidates.dismiss(firstId, secondId, dismissedBy);
    this.logger.log({ contactIds: [firstId, secondId] }, 'duplicate suggestion dismissed');
    return { contactIds: [firstId, secondId], dismissedBy: dismissal.dismissedBy, dismissedAt: dismissal.dismissedAt.toISOString() };
  }

  private async contactsById(ids: string[]): Promise<Map<string, ContactEntity>> {
    const contacts = await this.contacts.findByIds([...new Set(ids)]);
    return new Map(contacts.map((contact) => [contact.id, contact]));
  }
}
