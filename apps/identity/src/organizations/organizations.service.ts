import { Injectable } from '@nestjs/common';
import type { Page, PageOf } from '@helpgate/platform';
import { normalizeDomain } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { violatedUniqueConstraint } from '../domain/unique-violation';
import { CreateOrganizationDto, OrganizationResponseDto, toOrganizationResponse } from './organization.dto';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async create(input: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    const domains = [...new Set(input.domains.map(requireDomain))];
    await this.refuseTakenDomains(domains);
    try {
      return toOrganizationResponse(await this.organizations.create(input.name, domains));
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'organizations_name_key') {
        throw new IdentityException(IdentityErrorCode.OrganizationNameTaken, `An organization named "${input.name}" exists already`);
      }
      if (constraint === 'organization_domains_pkey') {
        throw new IdentityException(IdentityErrorCode.DomainTaken, 'One of the domains was just taken by another organization', {
          cause: error,
        });
      }
      throw error;
    }
  }

  async list(page: Page): Promise<PageOf<OrganizationResponseDto>> {
    const [organizations, total] = await this.organizations.list(page);
    return { items: organizations.map(toOrganizationResponse), total, ...page };
  }

  async get(id: string): Promise<OrganizationResponseDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new IdentityException(IdentityErrorCode.OrganizationNotFound, `No organization ${id}`);
    return toOrganizationResponse(organization);
  }

  private async refuseTakenDomains(domains: string[]): Promise<void> {
    if (domains.length === 0) return;
    const [taken] = await this.organizations.findDomainOwners(domains);
    if (taken) {
      throw new IdentityException(
        IdentityErrorCode.DomainTaken,
        `The domain ${taken.domain} belongs to the organization "${taken.organization.name}"`,
      );
    }
  }
}

function requireDomain(raw: string): string {
  const domain = normalizeDomain(raw);
  if (!domain) throw new IdentityException(IdentityErrorCode.InvalidDomain, `"${raw}" is not a valid domain name`);
  return domain;
}
