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
    return (await this.setPasswordLinks([recipient], manager))[0]!;
  }

  /** `setPasswordLink` for several recipients in a few statements for them all; the links in the recipients' order. */
  async setPasswordLinks(recipients: readonly LinkRecipient[], manager: EntityManager): Promise<string[]> {
    const links = recipients.map((recipient): StoredLink => ({ ...recipient, purpose: 'set_password' }));
    return this.issue(links, this.config.linkTtlSeconds.invitation, manager);
  }

  async mailLink(purpose: AccessMailPurpose, recipient: LinkRecipient, manager: EntityManager, outbox: Outbox): Promise<void> {
    const ttlSeconds = this.ttlOf(purpose);
    const link = (await this.issue([{ ...recipient, purpose: purposeOfMail[purpose] }], ttlSeconds, manager))[0]!;
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

  private async issue(links: readonly StoredLink[], ttlSeconds: number, manager: EntityManager): Promise<string[]> {
    if (links.length === 0) return [];
    const { portalUrl } = await this.settings.current(manager);
    const secrets = links.map(() => newSecretToken());
    await this.access.retireLinks(links, manager);
    await this.access.addLinks(
      links.map((link, index) => ({ tokenHash: secrets[index]!.tokenHash, link })),
      new Date(Date.now() + ttlSeconds * 1000),
      manager,
    );
    // An agent's link opens the console, where agents work; a contact's the customer portal.
    return links.map((link, index) =>
      portalLink(link.subjectKind === 'agent' ? this.config.consoleUrl : portalUrl, link.purpose, secrets[index]!.token),
    );
  }
}
