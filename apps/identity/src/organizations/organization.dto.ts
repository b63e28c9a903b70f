import { z } from 'zod';
import { OrganizationEntity } from './organization.entity';

export const createOrganizationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^<>{}\u0000-\u001f]+$/, 'may not contain markup or control characters'),
  domains: z.array(z.string().trim().min(1).max(253)).max(100).default([]),
});

export type CreateOrganizationDto = z.output<typeof createOrganizationSchema>;

export interface OrganizationResponseDto {
  id: string;
  name: string;
  domains: string[];
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toOrganizationResponse(organization: OrganizationEntity): OrganizationResponseDto {
  return {
    id: organization.id,
    name: organization.name,
    domains: (organization.domains ?? []).map((domain) => domain.domain).sort(),
    isDefault: organization.isDefault,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}
