import { portalPlaceholders } from '@helpgate/contracts';

/** What tickets fills in itself when a reply template is applied. */
export const ticketPlaceholders = ['ticket.number', 'ticket.subject', 'ticket.status', 'requester.name', 'requester.email'] as const;
export type TicketPlaceholder = (typeof ticketPlaceholders)[number];
export type TicketTemplateValues = Record<TicketPlaceholder, string>;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known: readonly string[] = [...ticketPlaceholders, ...portalPlaceholders];

/** Placeholders a template names that nobody fills, each once: refused when the template is saved. */
export function unknownPlaceholdersIn(template: string): string[] {
  const names = [...template.matchAll(placeholderPattern)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !known.includes(name)))];
}

/** Whether the text names a `{{portal.*}}` value, which only identity can fill (it mails such texts itself). */
export function needsPortalValues(text: string): boolean {
  return [...text.matchAll(placeholderPattern)].some((match) => (portalPlaceholders as readonly string[]).includes(match[1]!));
}

/** Fills the ticket placeholders; `{{portal.*}}` ones stay for identity. Plain text: nothing is escaped. */
export function fillTicketPlaceholders(template: string, values: TicketTemplateValues): string {
  return template.replace(placeholderPattern, (placeholder, name: string) =>
    (ticketPlaceholders as readonly string[]).includes(name) ? values[name as TicketPlaceholder] : placeholder,
  );
}
