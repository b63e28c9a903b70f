/** What identifies an erased contact in free text, and what takes its place. */
export interface ErasedIdentifiers {
  addresses: readonly string[];
  names: readonly string[];
  /** Written where a name was: the placeholder identity shows the contact under. */
  placeholderName: string;
}

export const erasedAddress = '[address erased]';

/** Names shorter than this are too likely to be an ordinary word of the conversation. */
const shortestErasableName = 3;

/**
 * The text with every whole occurrence of the contact's addresses and names replaced, in any case. A name counts only
 * as a whole (`Jane Doe`, never the `Jane` of `Janet`); what else the person typed (a phone number in a signature)
 * cannot be told from the conversation and stays.
 */
export function eraseFromText(text: string, identifiers: ErasedIdentifiers): string {
  const addresses = matcher(identifiers.addresses, '[\\p{L}\\p{N}._%+-]', '[\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}]');
  const names = matcher(
    identifiers.names.filter((name) => name.trim().length >= shortestErasableName && name !== identifiers.placeholderName),
    '[\\p{L}\\p{N}_]',
    '[\\p{L}\\p{N}_]',
  );
  let erased = addresses ? text.replace(addresses, erasedAddress) : text;
  if (names) erased = erased.replace(names, identifiers.placeholderName);
  return erased;
}

/** Matches any of the literals where neither `before` precedes nor `after` follows it; longest first. */
function matcher(literals: readonly string[], before: string, after: string): RegExp | null {
  const unique = [...new Set(literals.map((literal) => literal.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(`(?<!${before})(?:${unique.map(escapeRegExp).join('|')})(?!${after})`, 'giu');
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
