import type { AccessMailFailureReason } from '@helpgate/contracts';
import type { ContactEntity } from '../contacts/contact.entity';

/**
 * Why a contact may not be sent an access mail (its one-time links would reach someone it no longer is), or null
 * when it may. `contact` is the contact the request named after following its merge, if any.
 */
export function accessMailRefusal(
  contact: Pick<ContactEntity, 'status' | 'anonymizedAt' | 'mergedIntoId'> | null,
): AccessMailFailureReason | null {
  if (!contact || contact.mergedIntoId) return 'contact_unknown';
  if (contact.anonymizedAt) return 'contact_erased';
  if (contact.status !== 'active') return 'contact_inactive';
  return null;
}
