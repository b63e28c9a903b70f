// V8 lists canonical zones only, without "UTC" itself, which people rightly expect to be accepted.
const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** A BCP 47 language tag in canonical case (`pt-br` → `pt-BR`); null when it is not a well-formed tag. */
export function canonicalLanguageTag(raw: string): string | null {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(raw) || raw.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(raw)[0] ?? null;
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  return timeZones.has(name);
}
