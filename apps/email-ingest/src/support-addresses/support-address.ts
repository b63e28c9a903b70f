/** A support address in its stored form, with the category its mail starts in. */
export interface SupportAddress {
  address: string;
  defaultCategory: string | null;
}

/**
 * The support address a recipient is for. A plus tag (`support+t1042.x@…`, the per-ticket reply
 * addresses) reaches the address without it; case never matters.
 */
export function baseAddressOf(recipient: string): string {
  const normalized = recipient.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at <= 0) return normalized;
  const local = normalized.slice(0, at);
  const plus = local.indexOf('+');
  return plus > 0 ? `${local.slice(0, plus)}${normalized.slice(at)}` : normalized;
}
