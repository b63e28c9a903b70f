import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox, OutboxEntry } from '@helpgate/outbox';
import type { ContactEntity } from '../contacts/contact.entity';
import { OneTimeLinksService } from '../access/one-time-links.service';
import type { IdentitySettings } from '../settings/identity-settings';
import { SettingsService } from '../settings/settings.service';
import { namesPlaceholder } from '../settings/template';
import { shouldReceiveWelcomeMail, welcomeMail } from './welcome-mail';

/** Requests the welcome mails of just-created contacts, in the transaction that created them. */
@Injectable()
export class WelcomeMailsService {
  private readonly logger = new Logger(WelcomeMailsService.name);

  constructor(
    private readonly settings: SettingsService,
    private readonly links: OneTimeLinksService,
  ) {}

  /** `settings` saves reading them again when the caller has them from the same transaction. */
  async sendIfDue(contact: ContactEntity, manager: EntityManager, outbox: Outbox, settings?: IdentitySettings): Promise<void> {
    await outbox.addAll(await this.mailsDue([contact], manager, settings));
  }

  /**
   * The welcome mails due to these contacts, as outbox entries for the caller to add, each contact marked welcomed:
   * a few statements for them all (a batch of new senders would otherwise cost several round trips each).
   */
  async mailsDue(contacts: readonly ContactEntity[], manager: EntityManager, settings?: IdentitySettings): Promise<OutboxEntry[]> {
    const current = settings ?? (await this.settings.current(manager));
    const due = contacts.filter((contact) => shouldReceiveWelcomeMail(current, contact));
    if (due.length === 0) return [];
    const claimed = await claimWelcomeMails(
      due.map((contact) => contact.id),
      manager,
    );
    const welcomed = due.filter((contact) => claimed.has(contact.id));
    const recipients = welcomed.map((contact) => ({
      contact,
      email: (contact.emails.find((address) => address.isPrimary) ?? contact.emails[0]!).email,
    }));
    const { subject, body } = current.welcomeTemplate;
    const needsLink = namesPlaceholder(subject, 'portal.setPasswordLink') || namesPlaceholder(body, 'portal.setPasswordLink');
    const setPasswordLinks = needsLink
      ? await this.links.setPasswordLinks(
          recipients.map(({ contact, email }) => ({ subjectKind: 'contact', subjectId: contact.id, email, name: contact.name })),
          manager,
        )
      : [];
    return recipients.map(({ contact, email }, index): OutboxEntry => {
      const mail = welcomeMail({
        requestId: randomUUID(),
        token: randomUUID().replace(/-/g, ''),
        contactId: contact.id,
        contactName: contact.name,
        email,
        organizationName: contact.organization.name,
        setPasswordLink: setPasswordLinks[index] ?? null,
        settings: current,
      });
      this.logger.log({ contactId: contact.id, requestId: mail.requestId }, 'welcome mail requested');
      return {
        topic: Topics.EmailOutboundRequested,
        key: contact.id,
        event: { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail },
      };
    });
  }
}

/** Marks the contacts welcomed; returns those that were not yet (the others had a concurrent or repeated attempt). */
async function claimWelcomeMails(contactIds: readonly string[], manager: EntityManager): Promise<Set<string>> {
  const [rows]: [{ id: string }[], number] = await manager.query(
    'UPDATE contacts SET welcome_mail_sent_at = now() WHERE id = ANY($1::uuid[]) AND welcome_mail_sent_at IS NULL RETURNING id',
    [contactIds],
  );
  return new Set(rows.map((row) => row.id));
}
