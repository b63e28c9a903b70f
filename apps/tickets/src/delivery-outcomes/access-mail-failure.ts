import type { AccessMailFailureReason } from '@helpgate/contracts';

const explanations: Record<AccessMailFailureReason, string> = {
  contact_unknown: 'the requester is no longer a contact',
  contact_erased: "the requester's personal data was erased",
  contact_inactive: 'the requester is deactivated',
};

/** What agents read on a message identity did not send (no personal data: the reason only). */
export function accessMailFailureText(reason: AccessMailFailureReason): string {
  return `not sent by identity: ${explanations[reason]}`;
}
