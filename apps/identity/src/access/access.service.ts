import { Injectable, Logger } from '@nestjs/common';
import { TransactionalEvents } from '@helpgate/outbox';
import type { Principal } from '@helpgate/auth';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';
import type { ContactEntity } from '../contacts/contact.entity';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { agentLinkRecipient } from '../agents/agent';
import { toAgentDto } from '../agents/agent.dto';
import { AgentsRepository } from '../agents/agents.repository';
import { AccessTokenDto, MeDto, PasswordResetDto, SetPasswordDto, SignInDto, toPortalProfile, VerifyEmailDto } from './access.dto';
import { AccessRepository } from './access.repository';
import { AccessTokensService } from './access-tokens.service';
import { linkTokenHash, SubjectKind } from './one-time-link';
import { OneTimeLinksService } from './one-time-links.service';
import { hashPassword, passwordMatches, passwordProblem, unusablePasswordHash } from './password-hash';

const invalidCredentials = () => new IdentityException(IdentityErrorCode.InvalidCredentials, 'Wrong email address or password');
const unusableLink = () => new IdentityException(IdentityErrorCode.LinkUnusable, 'This link is wrong, expired or already used; ask for a new one');

/** Sign-in with a password, and the one-time links that set passwords and verify addresses. */
@Injectable()
export class AccessService {
  private readonly logger = new Logger(AccessService.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly access: AccessRepository,
    private readonly agents: AgentsRepository,
    private readonly contacts: ContactsRepository,
    private readonly contactsService: ContactsService,
    private readonly links: OneTimeLinksService,
    private readonly tokens: AccessTokensService,
  ) {}

  async signInAgent({ email, password }: SignInDto): Promise<AccessTokenDto> {
    const agent = await this.agents.findByEmail(email);
    const usable = agent?.active ? agent : null;
    await this.checkPassword(usable && { kind: 'agent', id: usable.id }, password);
    this.logger.log({ agentId: usable!.id }, 'agent signed in');
    return this.tokens.issue({ kind: 'agent', sub: usable!.id, role: usable!.role });
  }

  async signInContact({ email, password }: SignInDto): Promise<AccessTokenDto> {
    const contact = await this.contacts.findByEmail(email);
    const usable = contact && isActive(contact) ? contact : null;
    await this.checkPassword(usable && { kind: 'contact', id: usable.id }, password);
    this.logger.log({ contactId: usable!.id }, 'contact signed in');
    return this.tokens.issue({ kind: 'contact', sub: usable!.id, primaryOf: primaryOrganizationsOf(usable!) });
  }

  /** Mails a set-password link when the account exists; the answer is the same either way, so it reveals no accounts. */
  async startPasswordReset({ email, accountType }: PasswordResetDto): Promise<void> {
    if (accountType === 'agent') {
      const agent = await this.agents.findByEmail(email);
      if (agent?.active) {
        await this.events.run((manager, outbox) => this.links.mailLink('password_reset', agentLinkRecipient(agent), manager, outbox));
      }
      return;
    }
    const contact = await this.contacts.findByEmail(email);
    if (contact && isActive(contact)) await this.mailContactLink(contact, email, 'password_reset');
  }

  /** An agent sends a contact a set-password link, to its primary address. */
  async sendContactPasswordLink(contactId: string): Promise<void> {
    const contact = await this.requireActiveContact(contactId);
    await this.mailContactLink(contact, primaryEmailOf(contact), 'password_reset');
  }

  /** An agent asks a contact to confirm one of its addresses. */
  async sendVerificationLink(contactId: string, email: string): Promise<void> {
    const contact = await this.requireActiveContact(contactId);
    if (!contact.emails.some((address) => address.email === email)) {
      throw new IdentityException(IdentityErrorCode.EmailNotFound, `Contact ${contactId} has no address ${email}`);
    }
    await this.mailContactLink(contact, email, 'email_verification');
  }

  /** Sets the password of the link's holder; the link works once. Setting it also proves the address it went to. */
  async setPassword({ token, password }: SetPasswordDto): Promise<void> {
    const passwordHash = await hashPassword(password);
    const link = await this.events.run(async (manager) => {
      const used = await this.access.consumeLink(linkTokenHash(token), 'set_password', manager);
      if (!used) throw unusableLink();
      const problem = passwordProblem(password, used.email);
      if (problem) throw new IdentityException(IdentityErrorCode.WeakPassword, `The password ${problem}`);
      await this.access.setPassword(used.subjectKind, used.subjectId, passwordHash, manager);
      return used;
    });
    if (link.subjectKind === 'contact') await this.markVerified(link.subjectId, link.email);
    this.logger.log({ subjectKind: link.subjectKind, subjectId: link.subjectId }, 'password set through a one-time link');
  }

  async verifyEmail({ token }: VerifyEmailDto): Promise<{ email: string }> {
    const link = await this.events.run((manager) => this.access.consumeLink(linkTokenHash(token), 'verify_email', manager));
    if (!link) throw unusableLink();
    await this.markVerified(link.subjectId, link.email);
    return { email: link.email };
  }

  async me(principal: Principal): Promise<MeDto> {
    if (principal.kind === 'agent') {
      const agent = await this.agents.findById(principal.agentId);
      if (!agent) throw new IdentityException(IdentityErrorCode.AgentNotFound, `No agent ${principal.agentId}`);
      return { kind: 'agent', agent: toAgentDto(agent) };
    }
    const lookup = await this.contactsService.get(principal.contactId);
    if (!('contact' in lookup)) throw invalidCredentials();
    return { kind: 'contact', contact: toPortalProfile(lookup.contact) };
  }

  private async checkPassword(subject: { kind: SubjectKind; id: string } | null, password: string): Promise<void> {
    const stored = subject ? await this.access.passwordHashOf(subject.kind, subject.id) : null;
    // Checked against a placeholder when there is no account, so both answers take the same time.
    const matches = await passwordMatches(password, stored ?? unusablePasswordHash);
    if (!subject || !stored || !matches) throw invalidCredentials();
  }

  private async markVerified(contactId: string, email: string): Promise<void> {
    const contact = await this.contacts.findById(contactId);
    if (contact?.emails.some((address) => address.email === email && !address.verifiedAt)) {
      await this.contactsService.verifyEmail(contactId, email);
    }
  }

  private async requireActiveContact(contactId: string): Promise<ContactEntity> {
    const contact = await this.contacts.findById(contactId);
    if (!contact || !isActive(contact)) throw new IdentityException(IdentityErrorCode.ContactNotFound, `No active contact ${contactId}`);
    return contact;
  }

  private mailContactLink(contact: ContactEntity, email: string, purpose: 'password_reset' | 'email_verification'): Promise<void> {
    return this.events.run((manager, outbox) =>
      this.links.mailLink(purpose, { subjectKind: 'contact', subjectId: contact.id, email, name: contact.name }, manager, outbox),
    );
  }
}

function isActive(contact: ContactEntity): boolean {
  return contact.status === 'active' && !contact.mergedIntoId && !contact.anonymizedAt;
}

function primaryEmailOf(contact: ContactEntity): string {
  return (contact.emails.find((address) => address.isPrimary) ?? contact.emails[0]!).email;
}

function primaryOrganizationsOf(contact: ContactEntity): string[] {
  return contact.memberships.filter((membership) => membership.isPrimaryContact).map((membership) => membership.organizationId);
}
