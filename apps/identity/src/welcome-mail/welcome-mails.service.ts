import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import type { ContactEntity } from '../contacts/contact.entity';
import { OneTimeLinksService } from '../access/one-time-links.service';
import type { IdentitySettings } from '../settings/identity-settings';
import { SettingsService } from '../settings/settings.service';
import { namesPlaceholder } from '../settings/template';
import { shouldReceiveWelcomeMail, welcomeMail } from './welcome-mail';

/** Requests the welcome mail of a just-created contact, in the transaction that created it. */
@Injectable()
export class WelcomeMailsService {
  private readonly logger = new Logger(WelcomeMailsService.name);

  constructor(
    private readonly settings: SettingsService,
    private readonly links: OneTimeLinksService,
  ) {}

  /** `settings` saves reading them again when the caller has them from the same transaction. */
  async sendIfDue(contact: ContactEntity, manager: EntityManager, outbox: Outbox, settings?: IdentitySettings): Promise<void> {
    settings ??= await this.settings.current(manager);
    if (!shouldReceiveWelcomeMail(settings, contact) || !(await claimWelcomeMail(contact.id, manager))) return;
    const primary = contact.emails.find((address) => address.isPrimary) ?? contact.emails[0]!;
    const { subject, body } = settings.welcomeTemplate;
    const needsLink = namesPlaceholder(subject, 'portal.setPasswordLink') || namesPlaceholder(body, 'portal.setPasswordLink');
    const setPasswordLink = needsLink
      ? await this.links.setPasswordLink(
          { subjectKind: 'contact', subjectId: contact.id, email: primary.email, name: contact.name },
          manager,
        )
      : null;
    const mail = welcomeMail({
      requestId: randomUUID(),
      token: randomUUID().replace(/-/g, ''),
      contactId: contact.id,
      contactName: contact.name,
      email: primary.email,
      organizationName: contact.organization.name,
      setPasswordLink,
      settings,
    });
    await outbox.add(Topics.EmailOutboundRequested, contact.id, { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail });
    this.logger.log({ contactId: contact.id, requestId: mail.requestId }, 'welcome mail requested');
  }
}

/** Marks the contact welcomed; false when it already was (a concurrent or repeated attempt). */
async function claimWelcomeMail(contactId: string, manager: EntityManager): Promise<boolean> {
  const [, affected]: [unknown, number] = await manager.query(
    'UPDATE contacts SET welcome_mail_sent_at = now() WHERE id = $1 AND welcome_mail_sent_at IS NULL',
    [contactId],
  );
  return affected === 1;
}
