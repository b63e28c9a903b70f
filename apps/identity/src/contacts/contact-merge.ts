import { maxTagsPerContact, uniqueTags } from '../domain/tags';
import type { ContactPhone } from './contacts.repository';

export interface Membership {
  organizationId: string;
  isPrimaryContact: boolean;
}

/**
 * The survivor's phones plus the merged-away contact's other numbers. A number both have is kept once, direct
 * when either had it direct: it reached this person, who is now one contact.
 */
export function mergedPhones(survivor: readonly ContactPhone[], mergedAway: readonly ContactPhone[]): ContactPhone[] {
  const byNumber = new Map(survivor.map((phone) => [phone.number, phone.kind]));
  for (const { number, kind } of mergedAway) {
    byNumber.set(number, byNumber.get(number) === 'direct' || kind === 'direct' ? 'direct' : 'shared');
  }
  return [...byNumber].map(([number, kind]) => ({ number, kind }));
}

/** Every organization either contact belongs to, once; a primary contact of it on either side stays one. */
export function mergedMemberships(survivor: readonly Membership[], mergedAway: readonly Membership[]): Membership[] {
  const primaryByOrganization = new Map<string, boolean>();
  for (const { organizationId, isPrimaryContact } of [...survivor, ...mergedAway]) {
    primaryByOrganization.set(organizationId, (primaryByOrganization.get(organizationId) ?? false) || isPrimaryContact);
  }
  return [...primaryByOrganization].map(([organizationId, isPrimaryContact]) => ({ organizationId, isPrimaryContact }));
}

/** Both contacts' tags once each, the survivor's first, within the limit the API keeps for one contact. */
export function mergedTags(survivor: readonly string[], mergedAway: readonly string[]): string[] {
  return uniqueTags([...survivor, ...mergedAway]).slice(0, maxTagsPerContact);
}
