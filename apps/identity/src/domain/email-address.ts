import { domainToASCII } from 'node:url';
import { plainText } from './plain-text';

const addressPattern = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/**
 * The form an address is stored and compared in: trimmed, lower-cased, the domain in its ASCII (punycode)
 * form so `jane@bücher.test` and `jane@xn--bcher-kva.test` are one address. Returns null when it is not one.
 */
export function normalizeEmail(raw: string): string | null {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const domain = normalizeDomain(trimmed.slice(at + 1));
  if (!domain) return null;
  const address = `${trimmed.slice(0, at).toLowerCase()}@${domain}`;
  return addressPattern.test(address) && address.length <= 320 ? address : null;
}

/** A domain in lower-case ASCII form, without a trailing dot; null when it is not a valid host name. */
export function normalizeDomain(raw: string): string | null {
  const ascii = domainToASCII(raw.trim().replace(/\.$/, '').toLowerCase());
  if (!ascii || ascii.length > 253 || !ascii.includes('.')) return null;
  const labels = ascii.split('.');
  const validLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  return labels.every((label) => validLabel.test(label)) ? ascii : null;
}

export function domainOf(normalizedEmail: string): string {
  return normalizedEmail.slice(normalizedEmail.lastIndexOf('@') + 1);
}

/** `support.eu.acme.test` → `support.eu.acme.test`, `eu.acme.test`, `acme.test`, `test`: most specific first. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_, index) => labels.slice(index).join('.'));
}

/** The name to show for a sender: the display name (as plain text) when the mail had one, else the address's local part. */
export function displayNameFor(address: string, displayName?: string): string {
  const name = displayName === undefined ? '' : plainText(displayName);
  if (name && name.toLowerCase() !== address.toLowerCase()) return name.slice(0, 200);
  return address.slice(0, address.lastIndexOf('@'));
}
