const separators = /[\s\-.()]/g;

/**
 * A phone number in the form it is stored and searched in: spaces, dashes, dots and parentheses removed,
 * a leading `+` kept, 6 to 15 digits (the E.164 maximum). Null when it is not one.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(separators, '');
  return /^\+?\d{6,15}$/.test(compact) ? compact : null;
}
