import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityAccessMailRequestedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ContactEntity } from '../contacts/contact.entity';
import { SettingsService } from '../settings/settings.service';
import { OneTimeLinksService } from '../access/one-time-links.service';
import { accessMailRefusal } from './access-mail-refusal';
import { fillPortalPlaceholders, namesSetPasswordLink } from './portal-placeholders';

/**
 * Mails a contact a text another service wrote (a ticket's reply template, an automation rule), filling in the
 * portal address, user name and, where named, a fresh set-password link. It goes to the contact's own primary
 * address only, so no link can be sent elsewhere. A contact that is gone (unknown, erased, inactive) is sent nothing,
 * and `identity.access-mail.failed.v1` says why.
 */
@Injectable()
export class SendAccessMailUseCase {
  private readonly logger = new Logger(SendAccessMailUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly settings: SettingsService,
    private readonly links: OneTimeLinksService,
  ) {}

  async execute(event: IdentityAccessMailRequestedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityAccessMailRequested, async (manager, outbox) => {
      const contact = await this.currentContact(event.contactId, manager);
      const refusal = accessMailRefusal(contact);
      if (!contact || refusal) {
        const { requestId, ticketId } = event.mail;
        const now = new Date().toISOString();
        // No outbound request leaves, so no delivery outcome ever follows: the requester learns of the failure here.
        await outbox.add(Topics.IdentityAccessMailFailed, event.contactId, {
          eventId: randomUUID(),
          occurredAt: now,
          requestId,
          contactId: event.contactId,
          ...(ticketId === undefined ? {} : { ticketId }),
          reason: refusal ?? 'contact_unknown',
          failedAt: now,
        });
        this.logger.warn({ contactId: event.contactId, requestId, reason: refusal }, 'access mail for a contact that is gone: not sent');
        return;
      }
      const email = (contact.emails.find((address) => address.isPrimary) ?? contact.emails[0]!).email;
      const { portalUrl } = await this.settings.current(manager);
      const { subject, text, html } = event.mail;
      const setPasswordLink = [subject, text, html ?? ''].some(namesSetPasswordLink)
        ? await this.links.setPasswordLink({ subjectKind: 'contact', subjectId: contact.id, email, name: contact.name }, manager)
        : portalUrl;
      const values = { 'portal.url': portalUrl, 'portal.username': email, 'portal.setPasswordLink': setPasswordLink };
      const mail = {
        ...event.mail,
        to: [{ address: email, name: contact.name }],
        subject: fillPortalPlaceholders(subject, values),
        text: fillPortalPlaceholders(text, values),
        ...(html === undefined ? {} : { html: fillPortalPlaceholders(html, values) }),
        contactId: contact.id,
      };
      await outbox.add(Topics.EmailOutboundRequested, contact.id, { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail });
      this.logger.log({ contactId: contact.id, requestId: mail.requestId, ticketId: mail.ticketId }, 'access mail requested');
    });
  }

  /** The contact, or the one it was merged into; null when neither exists. */
  private async currentContact(id: string, manager: EntityManager): Promise<ContactEntity | null> {
    const contact = await this.contacts.findById(id, manager);
    return contact?.mergedIntoId ? this.contacts.findById(contact.mergedIntoId, manager) : contact;
  }
}
