import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import type { Page, PageOf } from '@helpgate/platform';
import { contactChangedEvent, primaryAddressOf } from '../contacts/contact-changed';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { domainOf } from '../domain/email-address';
import { DuplicatePairsRepository } from '../duplicate-candidates/duplicate-pairs.repository';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { violatedUniqueConstraint } from '../domain/unique-violation';
import { DomainAssignmentService, requireDomain } from './domain-assignment.service';
import { DomainConflictsRepository } from './domain-conflicts.repository';
import { DomainRule, mergeDuplicateDomains } from './domain-rules';
import {
  AddDomainDto,
  AddedDomainResponseDto,
  CreateOrganizationDto,
  DomainConflictResponseDto,
  OrganizationResponseDto,
  toDomainConflictResponse,
  toOrganizationResponse,
} from './organization.dto';
import { organizationChangedEvent } from './organization-changed';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  private readonly logger = new Logger(OrganizationsService.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly organizations: OrganizationsRepository,
    private readonly contacts: ContactsRepository,
    private readonly conflicts: DomainConflictsRepository,
    private readonly assignment: DomainAssignmentService,
    private readonly duplicatePairs: DuplicatePairsRepository,
  ) {}

  async create(input: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    const domains = mergeDuplicateDomains(input.domains.map((rule) => ({ ...rule, domain: this.assignment.requireOwnable(rule.domain) })));
    const organization = await this.events
      .run(async (manager, outbox) => {
        await this.organizations.lockDomains(manager, 'exclusive');
        await this.refuseTakenDomains(domains, manager);
        const created = await this.organizations.create(input.name, domains, manager);
        await announceOrganization(created, outbox);
        return created;
      })
      .catch(nameTakenAs(input.name));
    this.logger.log({ organizationId: organization.id }, 'organization created');
    return toOrganizationResponse(organization);
  }

  async list(page: Page): Promise<PageOf<OrganizationResponseDto>> {
    const [organizations, total] = await this.organizations.list(page);
    return { items: organizations.map(toOrganizationResponse), total, ...page };
  }

  async get(id: string): Promise<OrganizationResponseDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound(id);
    return toOrganizationResponse(organization);
  }

  /** Renames an organization; its contacts are announced again, as other services show the organization's name. */
  async rename(id: string, name: string): Promise<OrganizationResponseDto> {
    const organization = await this.events
      .run(async (manager, outbox) => {
        await this.requireEditable(id, manager);
        await this.organizations.rename(id, name, manager);
        await announce(await this.contacts.findInOrganization(id, manager), outbox);
        const renamed = await this.organizations.getById(id, manager);
        await announceOrganization(renamed, outbox);
        return renamed;
      })
      .catch(nameTakenAs(name));
    this.logger.log({ organizationId: id }, 'organization renamed');
    return toOrganizationResponse(organization);
  }

  /** Gives an organization a support contract until a day (inclusive), or ends it (null); admins decide this. */
  async setSupportContract(id: string, activeUntil: string | null): Promise<OrganizationResponseDto> {
    const organization = await this.events.run(async (manager, outbox) => {
      await this.requireEditable(id, manager);
      await this.organizations.setSupportContract(id, activeUntil, manager);
      const changed = await this.organizations.getById(id, manager);
      await announceOrganization(changed, outbox);
      return changed;
    });
    this.logger.log({ organizationId: id, supportContractActiveUntil: activeUntil }, 'organization support contract set');
    return toOrganizationResponse(organization);
  }

  /** Deletes an organization with its domains; its contacts go to "Unassigned". */
  async delete(id: string): Promise<void> {
    const movedContacts = await this.events.run(async (manager, outbox) => {
      await this.organizations.lockDomains(manager, 'exclusive');
      await this.requireEditable(id, manager);
      const unassigned = await this.organizations.getDefault(manager);
      // Its members lose their membership with it, and with it the names they share there with other members.
      const members = await this.contacts.findMemberIds(id, manager);
      const moved = await this.moveContacts(await this.contacts.findInOrganization(id, manager), unassigned.id, manager, outbox);
      await this.organizations.delete(id, manager);
      await this.duplicatePairs.refresh(members, manager);
      return moved.length;
    });
    this.logger.log({ organizationId: id, movedContacts }, 'organization deleted, its contacts unassigned');
  }

  async addDomain(id: string, input: AddDomainDto): Promise<AddedDomainResponseDto> {
    const rule = { domain: this.assignment.requireOwnable(input.domain), includeSubdomains: input.includeSubdomains };
    const added = await this.events.run(async (manager, outbox) => {
      await this.organizations.lockDomains(manager, 'exclusive');
      await this.requireEditable(id, manager);
      await this.refuseTakenDomains([rule], manager);
      await this.organizations.addDomains(id, [rule], manager);
      const moved = input.moveExistingContacts ? await this.moveUnassignedContacts(id, rule, manager, outbox) : [];
      const organization = toOrganizationResponse(await this.organizations.getById(id, manager));
      await this.duplicatePairs.refresh(moved, manager);
      return { organization, movedContacts: moved.length };
    });
    this.logger.log({ organizationId: id, domain: rule.domain, movedContacts: added.movedContacts }, 'domain added to organization');
    return added;
  }

  /** Removes a domain; contacts that joined through it stay in the organization. */
  async removeDomain(id: string, rawDomain: string): Promise<void> {
    const domain = requireDomain(rawDomain);
    await this.events.run(async (manager) => {
      await this.organizations.lockDomains(manager, 'exclusive');
      await this.requireOrganization(id, manager);
      if (!(await this.organizations.removeDomain(id, domain, manager))) {
        throw new IdentityException(IdentityErrorCode.DomainNotFound, `The organization ${id} has no domain ${domain}`);
      }
    });
    this.logger.log({ organizationId: id, domain }, 'domain removed from organization');
  }

  async listConflicts(page: Page): Promise<PageOf<DomainConflictResponseDto>> {
    const [conflicts, total] = await this.conflicts.list(page);
    return { items: conflicts.map(toDomainConflictResponse), total, ...page };
  }

  /**
   * Moves the "Unassigned" contacts at a newly added domain that the domains now place in the organization;
   * one that a more specific domain of another organization claims, or that is ambiguous, stays. Returns the ids of
   * those it moved.
   */
  private async moveUnassignedContacts(organizationId: string, rule: DomainRule, manager: EntityManager, outbox: Outbox): Promise<string[]> {
    const unassigned = await this.organizations.getDefault(manager);
    const candidates = await this.contacts.findInOrganizationAtDomain(unassigned.id, rule.domain, rule.includeSubdomains, manager);
    const joining: ContactEntity[] = [];
    for (const [domain, contacts] of byAddressDomain(candidates)) {
      const match = await this.assignment.match(domain, manager);
      if (match.outcome === 'matched' && match.organizationId === organizationId) joining.push(...contacts);
    }
    return this.moveContacts(joining, organizationId, manager, outbox);
  }

  private async moveContacts(contacts: ContactEntity[], organizationId: string, manager: EntityManager, outbox: Outbox): Promise<string[]> {
    const contactIds = contacts.map((contact) => contact.id);
    const moved = await this.contacts.moveToOrganization(contactIds, organizationId, manager);
    await this.conflicts.settle(contactIds, manager);
    await announce(moved, outbox);
    return moved.map((contact) => contact.id);
  }

  private async requireOrganization(id: string, manager: EntityManager): Promise<OrganizationEntity> {
    const organization = await this.organizations.findById(id, manager);
    if (!organization) throw notFound(id);
    return organization;
  }

  /** Any organization but "Unassigned", which must stay as it is: it is where unclaimed contacts go. */
  private async requireEditable(id: string, manager: EntityManager): Promise<OrganizationEntity> {
    const organization = await this.requireOrganization(id, manager);
    if (organization.isDefault) {
      throw new IdentityException(
        IdentityErrorCode.DefaultOrganizationProtected,
        `"${organization.name}" is the default organization: it cannot be renamed, deleted or given domains or a support contract`,
      );
    }
    return organization;
  }

  private async refuseTakenDomains(domains: DomainRule[], manager: EntityManager): Promise<void> {
    if (domains.length === 0) return;
    const [taken] = await this.organizations.findDomainOwners(
      domains.map((rule) => rule.domain),
      manager,
    );
    if (taken) {
      throw new IdentityException(
        IdentityErrorCode.DomainTaken,
        `The domain ${taken.domain} belongs to the organization "${taken.organization.name}"`,
      );
    }
  }
}

/** Anonymized contacts are left out: they have no address to announce, and their anonymization was announced already. */
async function announce(contacts: ContactEntity[], outbox: Outbox): Promise<void> {
  for (const contact of contacts.filter(({ anonymizedAt }) => !anonymizedAt)) {
    await outbox.add(Topics.IdentityContactChanged, contact.id, contactChangedEvent(contact, 'updated'));
  }
}

async function announceOrganization(organization: OrganizationEntity, outbox: Outbox): Promise<void> {
  await outbox.add(Topics.IdentityOrganizationChanged, organization.id, organizationChangedEvent(organization));
}

function byAddressDomain(contacts: ContactEntity[]): Map<string, ContactEntity[]> {
  const groups = new Map<string, ContactEntity[]>();
  for (const contact of contacts) {
    const domain = domainOf(primaryAddressOf(contact));
    groups.set(domain, [...(groups.get(domain) ?? []), contact]);
  }
  return groups;
}

function notFound(id: string): IdentityException {
  return new IdentityException(IdentityErrorCode.OrganizationNotFound, `No organization ${id}`);
}

/** Turns a violated unique organization name into the domain refusal; rethrows anything else. */
function nameTakenAs(name: string): (error: unknown) => never {
  return (error) => {
    if (violatedUniqueConstraint(error) === 'organizations_name_key') {
      throw new IdentityException(IdentityErrorCode.OrganizationNameTaken, `An organization named "${name}" exists already`, {
        cause: error,
      });
    }
    throw error;
  };
}
