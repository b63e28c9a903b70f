import { Injectable, Logger } from '@nestjs/common';
import { TransactionalEvents } from '@helpgate/outbox';
import type { Principal } from '@helpgate/auth';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';
import type { ContactEntity } from '../contacts/contact.entity';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { secretTokenHash } from '../domain/secret-token';
import { Agent, agentLinkRecipient } from '../agents/agent';
import { toAgentDto } from '../agents/agent.dto';
import { AgentsRepository } from '../agents/agents.repository';
import { RefreshGrant, refreshTokenInvalid, SessionsService } from '../sessions/sessions.service';
import type { SessionSubject } from '../sessions/sessions.repository';
import { SignInAttempt, SignInThrottleService } from '../sign-in-throttle/sign-in-throttle.service';
import { AccessTokenDto, MeDto, PasswordResetDto, SessionTokensDto, SetPasswordDto, SignInDto, toPortalProfile, VerifyEmailDto } from './access.dto';
import { AccessRepository } from './access.repository';
import { AccessTokensService, TokenSubject } from './access-tokens.service';
import { LinkRecipient, OneTimeLinksService } from './one-time-links.service';
import { hashPassword, passwordMatches, passwordProblem, unusablePasswordHash } from './password-hash';

const invalidCredentials = () => new IdentityException(IdentityErrorCode.InvalidCredentials, 'Wrong email address or password');
const unusableLink = () => new IdentityException(IdentityErrorCode.LinkUnusable, 'This link is wrong, expired or already used; ask for a new one');

/** Sign-in with a password (throttled, starting a session), its renewal, and the one-time links that set passwords and verify addresses. */
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
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async signInAgent({ email, password }: SignInDto, clientAddress: string): Promise<SessionTokensDto> {
    const agent = await this.agents.findByEmail(email);
    const usable = agent?.active ? agent : null;
    await this.checkPassword({ accountKind: 'agent', email, clientAddress }, usable && agentLinkRecipient(usable), password);
    this.logger.log({ agentId: usable!.id }, 'agent signed in');
    return this.startSession(agentTokenSubject(usable!));
  }

  async signInContact({ email, password }: SignInDto, clientAddress: string): Promise<SessionTokensDto> {
    const contact = await this.contacts.findByEmail(email);
    const usable = contact && isActive(contact) ? contact : null;
    const account = usable && { subjectKind: 'contact' as const, subjectId: usable.id, email, name: usable.name };
    await this.checkPassword({ accountKind: 'contact', email, clientAddress }, account, password);
    await this.contacts.markSignedIn(usable!.id);
    this.logger.log({ contactId: usable!.id }, 'contact signed in');
    return this.startSession(contactTokenSubject(usable!));
  }

  /** Swaps a refresh token for a new one and a fresh access token, while the account can still sign in. */
  async refresh(refreshToken: string | null): Promise<SessionTokensDto> {
    if (!refreshToken) throw refreshTokenInvalid();
    const { subject, grant } = await this.sessions.rotate(refreshToken);
    const tokenSubject = await this.currentTokenSubject(subject);
    if (!tokenSubject) throw refreshTokenInvalid();
    return sessionTokens(this.tokens.issue(tokenSubject), grant);
  }

  async signOut(refreshToken: string | null): Promise<void> {
    if (refreshToken) await this.sessions.signOut(refreshToken);
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
      const used = await this.access.consumeLink(secretTokenHash(token), 'set_password', manager);
      if (!used) throw unusableLink();
      const problem = passwordProblem(password, used.email);
      if (problem) throw new IdentityException(IdentityErrorCode.WeakPassword, `The password ${problem}`);
      await this.access.setPassword(used.subjectKind, used.subjectId, passwordHash, manager);
      await this.sessions.endAllOf({ kind: used.subjectKind, id: used.subjectId }, 'password_changed', manager);
      return used;
    });
    if (link.subjectKind === 'contact') await this.markVerified(link.subjectId, link.email);
    this.logger.log({ subjectKind: link.subjectKind, subjectId: link.subjectId }, 'password set through a one-time link');
  }

  async verifyEmail({ token }: VerifyEmailDto): Promise<{ email: string }> {
    const link = await this.events.run((manager) => this.access.consumeLink(secretTokenHash(token), 'verify_email', manager));
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

  /** Checks a password past the throttle; a failure on an agent's account may alert the agent. */
  private async checkPassword(attempt: SignInAttempt, account: LinkRecipient | null, password: string): Promise<void> {
    const admitted = await this.throttle.admit(attempt);
    const stored = account ? await this.access.passwordHashOf(account.subjectKind, account.subjectId) : null;
    // Checked against a placeholder when there is no account, so both answers take the same time.
    const matches = await passwordMatches(password, stored ?? unusablePasswordHash);
    if (!account || !stored || !matches) {
      await this.throttle.failed(admitted, account?.subjectKind === 'agent' ? account : null);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(admitted);
  }

  private async startSession(subject: TokenSubject): Promise<SessionTokensDto> {
    const grant = await this.sessions.start({ kind: subject.kind, id: subject.sub });
    return sessionTokens(this.tokens.issue(subject), grant);
  }

  /** What the access token of a session's account says now; null once the account can no longer sign in. */
  private async currentTokenSubject({ kind, id }: SessionSubject): Promise<TokenSubject | null> {
    if (kind === 'agent') {
      const agent = await this.agents.findById(id);
      return agent?.active ? agentTokenSubject(agent) : null;
    }
    const contact = await this.contacts.findById(id);
    return contact && isActive(contact) ? contactTokenSubject(contact) : null;
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

const agentTokenSubject = (agent: Agent): TokenSubject => ({ kind: 'agent', sub: agent.id, role: agent.role });

const contactTokenSubject = (contact: ContactEntity): TokenSubject => ({ kind: 'contact', sub: contact.id, primaryOf: primaryOrganizationsOf(contact) });

function sessionTokens(access: AccessTokenDto, grant: RefreshGrant): SessionTokensDto {
  return { ...access, refreshToken: grant.refreshToken, refreshTokenExpiresAt: grant.refreshTokenExpiresAt.toISOString() };
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
