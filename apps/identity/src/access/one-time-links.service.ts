import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import type { AccessConfig } from '../config';
import { SettingsService } from '../settings/settings.service';
import { accessMail, AccessMailPurpose, durationInWords } from './access-mail';
import { AccessRepository, StoredLink } from './access.repository';
import { newSecretToken } from '../domain/secret-token';
import { portalLink } from './one-time-link';

export const ACCESS_CONFIG = Symbol('ACCESS_CONFIG');

const purposeOfMail: Record<AccessMailPurpose, StoredLink['purpose']> = {
  agent_invitation: 'set_password',
  password_reset: 'set_password',
  email_verification: 'verify_email',
};

export interface LinkRecipient {
  subjectKind: StoredLink['subjectKind'];
  subjectId: string;
  email: string;
  name: string;
}

/** Issues one-time links (only their digest is stored) and the mails that carry them, inside the caller's transaction. */
@Injectable()
export class OneTimeLinksService {
  private readonly logger = new Logger(OneTimeLinksService.name);

  constructor(
    private readonly access: AccessRepository,
    private readonly settings: SettingsService,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  /** A set-password link valid as long as an invitation; older unused ones stop working. */
  async setPasswordLink(recipient: LinkRecipient, manager: EntityManager): Promise<string> {
    return this.issue({ ...recipient, purpose: 'set_password' }, this.config.linkTtlSeconds.invitation, manager);
  }

  async mailLink(purpose: AccessMailPurpose, recipient: LinkRecipient, manager: EntityManager, outbox: Outbox): Promise<void> {
    const ttlSeconds = this.ttlOf(purpose);
    const link = await this.issue({ ...recipient, purpose: purposeOfMail[purpose] }, ttlSeconds, manager);
    const { welcomeFromAddress } = await this.settings.current(manager);
    const mail = accessMail({
      purpose,
      requestId: randomUUID(),
      token: randomUUID().replace(/-/g, ''),
      to: { address: recipient.email, name: recipient.name },
      fromAddress: welcomeFromAddress,
      link,
      linkValidFor: durationInWords(ttlSeconds),
      ...(recipient.subjectKind === 'contact' ? { contactId: recipient.subjectId } : {}),
    });
    await outbox.add(Topics.EmailOutboundRequested, recipient.subjectId, { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail });
    this.logger.log({ purpose, subjectKind: recipient.subjectKind, subjectId: recipient.subjectId, requestId: mail.requestId }, 'one-time link mailed');
  }

  private ttlOf(purpose: AccessMailPurpose): number {
    const { invitation, passwordReset, verification } = this.config.linkTtlSeconds;
    return { agent_invitation: invitation, password_reset: passwordReset, email_verification: verification }[purpose];
  }

  private async issue(link: StoredLink, ttlSeconds: number, manager: EntityManager): Promise<string> {
    const { portalUrl } = await this.settings.current(manager);
    const secret = newSecretToken();
    await this.access.retireLinks(link.subjectKind, link.subjectId, link.purpose, manager);
    await this.access.addLink(secret.tokenHash, link, new Date(Date.now() + ttlSeconds * 1000), manager);
    // An agent's link opens the console, where agents work; a contact's the customer portal.
    return portalLink(link.subjectKind === 'agent' ? this.config.consoleUrl : portalUrl, link.purpose, secret.token);
  }
}
