import { z } from 'zod';
import { DomainConflictEntity } from './domain-conflict.entity';
import type { DomainRule } from './domain-rules';
import type { RegisteredDomain } from './organization-for-address';
import { OrganizationEntity } from './organization.entity';

const organizationName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^<>{}\u0000-\u001f]+$/, 'may not contain markup or control characters');

const domainName = z.string().trim().min(1).max(253);

/** A plain string, the shape from before subdomain rules, is the domain alone. */
const domainRuleSchema = z.union([
  domainName.transform((domain) => ({ domain, includeSubdomains: false })),
  z.strictObject({ domain: domainName, includeSubdomains: z.boolean().default(false) }),
]);

export const createOrganizationSchema = z.object({
  name: organizationName,
  domains: z.array(domainRuleSchema).max(100).default([]),
});

export type CreateOrganizationDto = z.output<typeof createOrganizationSchema>;

export const renameOrganizationSchema = z.object({ name: organizationName });

export type RenameOrganizationDto = z.output<typeof renameOrganizationSchema>;

export const supportContractSchema = z.strictObject({
  /** The last day (inclusive) the contract covers, e.g. `2027-06-30`; null ends the contract. */
  activeUntil: z.iso.date().nullable(),
});

export type SupportContractDto = z.output<typeof supportContractSchema>;

export const addDomainSchema = z.object({
  domain: domainName,
  includeSubdomains: z.boolean().default(false),
  /** Also move the contacts at this domain that are in "Unassigned" into the organization. */
  moveExistingContacts: z.boolean().default(false),
});

export type AddDomainDto = z.output<typeof addDomainSchema>;

const domainRuleResponseSchema = z.object({ domain: z.string(), includeSubdomains: z.boolean() }) satisfies z.ZodType<DomainRule>;

export const organizationResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    domains: z.array(z.string()).describe('The domain names alone, as before subdomain rules; `domainRules` has them with their options.'),
    domainRules: z.array(domainRuleResponseSchema),
    isDefault: z.boolean(),
    supportContractActiveUntil: z.iso
      .date()
      .nullable()
      .describe('The last day (inclusive) the support contract covers; null when the organization has none.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Organization' });

export type OrganizationResponseDto = z.infer<typeof organizationResponseSchema>;

export const addedDomainResponseSchema = z.object({
  organization: organizationResponseSchema,
  movedContacts: z.number().int().describe('How many contacts moved from "Unassigned" into the organization.'),
});

export type AddedDomainResponseDto = z.infer<typeof addedDomainResponseSchema>;

export const domainConflictResponseSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  domain: z.string(),
  claims: z.array(domainRuleResponseSchema.extend({ organizationId: z.uuid() }) satisfies z.ZodType<RegisteredDomain>),
  detectedAt: z.iso.datetime(),
});

export type DomainConflictResponseDto = z.infer<typeof domainConflictResponseSchema>;

export function toOrganizationResponse(organization: OrganizationEntity): OrganizationResponseDto {
  const domainRules = (organization.domains ?? [])
    .map(({ domain, includeSubdomains }) => ({ domain, includeSubdomains }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
  return {
    id: organization.id,
    name: organization.name,
    domains: domainRules.map((rule) => rule.domain),
    domainRules,
    isDefault: organization.isDefault,
    supportContractActiveUntil: organization.supportContractActiveUntil,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}

export function toDomainConflictResponse(conflict: DomainConflictEntity): DomainConflictResponseDto {
  return {
    id: conflict.id,
    contactId: conflict.contactId,
    domain: conflict.domain,
    claims: conflict.claims,
    detectedAt: conflict.detectedAt.toISOString(),
  };
}
