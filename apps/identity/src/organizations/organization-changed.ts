import { randomUUID } from 'node:crypto';
import type { IdentityOrganizationChangedV1 } from '@helpgate/contracts';
import type { OrganizationEntity } from './organization.entity';

/** The event telling other services how an organization is now: its name and its support contract. */
export function organizationChangedEvent(
  organization: Pick<OrganizationEntity, 'id' | 'name' | 'supportContractActiveUntil'>,
): IdentityOrganizationChangedV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    organization: {
      id: organization.id,
      name: organization.name,
      supportContractActiveUntil: organization.supportContractActiveUntil,
    },
  };
}
