import { sha256Hex } from '@helpgate/platform';

/** An address as erasures compare it: trimmed and lower-cased, as email-ingest records senders. */
export function normalizedAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** How an erased address is remembered: its digest, so the tombstone does not keep what it stands for. */
export function erasedAddressKey(address: string): string {
  return sha256Hex(normalizedAddress(address));
}

/**
 * Whether what happened at `at` (a mail accepted, a mail requested) concerns the person erased at `erasedAt`: mail
 * accepted after an erasure is someone writing from the freed address anew, not the erased person.
 */
export function acceptedBeforeErasure(receivedAt: Date, erasedAt: Date): boolean {
  return receivedAt.getTime() <= erasedAt.getTime();
}
