/**
 * True for a delivery failure that says the address itself is bad (RFC 3463 class 5.1: no such
 * mailbox, no such domain, bad address syntax), as opposed to a full mailbox or a policy refusal.
 */
export function meansAddressIsBad(failure: { permanent: boolean; status?: string }): boolean {
  return failure.permanent && /^5\.1\.[0-9]+$/.test(failure.status ?? '');
}
