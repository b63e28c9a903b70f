/** The values a welcome mail can name, as `{{contact.name}}` and so on. */
export const welcomePlaceholders = [
  'contact.name',
  'contact.email',
  'organization.name',
  'portal.url',
  'portal.username',
  'portal.setPasswordLink',
] as const;
export type WelcomePlaceholder = (typeof welcomePlaceholders)[number];
export type WelcomeValues = Record<WelcomePlaceholder, string>;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isWelcomePlaceholder(name: string): name is WelcomePlaceholder {
  return (welcomePlaceholders as readonly string[]).includes(name);
}

export function namesPlaceholder(template: string, placeholder: WelcomePlaceholder): boolean {
  return [...template.matchAll(placeholderPattern)].some((match) => match[1] === placeholder);
}

/** The placeholders a template names that are not welcome placeholders, each once, in order of appearance. */
export function unknownPlaceholdersIn(template: string): string[] {
  const names = [...template.matchAll(placeholderPattern)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !isWelcomePlaceholder(name)))];
}

/**
 * Fills the placeholders of a text mail template. Nothing is escaped: the result is plain text, never HTML.
 * Templates are checked when saved, so an unknown placeholder here is a programming error.
 */
export function renderTemplate(template: string, values: WelcomeValues): string {
  return template.replace(placeholderPattern, (_placeholder, name: string) => {
    if (!isWelcomePlaceholder(name)) throw new Error(`Unknown template placeholder "${name}"`);
    return values[name];
  });
}
