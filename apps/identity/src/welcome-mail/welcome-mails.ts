import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import type { ContactEntity } from '../contacts/contact.entity';
import { SettingsService } from '../settings/settings.service';
import { shouldReceiveWelcomeMail, welcomeMail } from './welcome-mail';

/** Requests the welcome mail of a just-created contact, in the transaction that created it. */
@Injectable()
export class WelcomeMails {
  private readonly logger = new Logger(WelcomeMails.name);

  constructor(private readonly settings: SettingsService) {}

  async sendIfDue(contact: ContactEntity, manager: EntityManager, outbox: Outbox): Promise<void> {
    const settings = await this.settings.current(manager);
    if (!shouldReceiveWelcomeMail(settings, contact) || !(await claimWelcomeMail(contact.id, manager))) return;
    const primary = contact.emails.find((address) => address.isPrimary) ?? contact.emails[0]!;
    const mail = welcomeMail({
      requestId: randomUUID(),
      token: randomUUID().replace(/-/g, ''),
      contactId: contact.id,
      contactName: contact.name,
      email: primary.email,
      organizationName: contact.organization.name,
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
