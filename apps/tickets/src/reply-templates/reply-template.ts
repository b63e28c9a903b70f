import { portalPlaceholders } from '@helpgate/contracts';
import { subjectWithTicketToken } from '../domain/thread-matching';

/** What tickets fills in itself when a reply template is applied. */
export const ticketPlaceholders = ['ticket.number', 'ticket.subject', 'ticket.status', 'requester.name', 'requester.email'] as const;
export type TicketPlaceholder = (typeof ticketPlaceholders)[number];
export type TicketTemplateValues = Record<TicketPlaceholder, string>;

/** A template's texts: the subject is optional (the reply then answers the ticket's subject). */
export interface TemplateText {
  subject: string | null;
  body: string;
}

/** A reply ready to mail from a ticket. */
export interface ReplyContent {
  /** Without the ticket token; none: "Re: " and the ticket's subject. */
  subject?: string;
  text: string;
  /** It names `{{portal.*}}` values, which only identity fills: identity mails it, to the requester alone. */
  needsPortalValues: boolean;
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Every placeholder a template may name: tickets fills the ticket's, identity the portal's. */
export const knownPlaceholders: readonly string[] = [...ticketPlaceholders, ...portalPlaceholders];

/** Placeholders a template names that nobody fills, each once: refused when the template is saved. */
export function unknownPlaceholdersIn(template: string): string[] {
  const names = [...template.matchAll(placeholderPattern)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !knownPlaceholders.includes(name)))];
}

/** Whether the text names a `{{portal.*}}` value, which only identity can fill (it mails such texts itself). */
export function needsPortalValues(text: string): boolean {
  return [...text.matchAll(placeholderPattern)].some((match) => (portalPlaceholders as readonly string[]).includes(match[1]!));
}

/** How the text tickets keeps of a mail identity completes names each portal value it cannot know. */
const portalValueNames: Record<(typeof portalPlaceholders)[number], string> = {
  'portal.url': '[portal address, filled in by identity]',
  'portal.username': '[portal user name, filled in by identity]',
  'portal.setPasswordLink': '[one-time set-password link, filled in by identity]',
};

/**
 * The text tickets keeps of a mail whose portal values identity fills in: the placeholders are named for what identity
 * put there, so the thread reads right and no set-password link is ever stored with the ticket.
 */
export function withPortalValuesNamed(text: string): string {
  return text.replace(placeholderPattern, (placeholder, name: string) =>
    name in portalValueNames ? portalValueNames[name as keyof typeof portalValueNames] : placeholder,
  );
}

/** Fills the ticket placeholders; `{{portal.*}}` ones stay for identity. Plain text: nothing is escaped. */
export function fillTicketPlaceholders(template: string, values: TicketTemplateValues): string {
  return template.replace(placeholderPattern, (placeholder, name: string) =>
    (ticketPlaceholders as readonly string[]).includes(name) ? values[name as TicketPlaceholder] : placeholder,
  );
}

export function templateValuesOf(ticket: {
  number: number;
  subject: string;
  status: string;
  requesterName: string;
  /** Null once the requester was erased. */
  requesterEmail: string | null;
}): TicketTemplateValues {
  return {
    'ticket.number': String(ticket.number),
    'ticket.subject': ticket.subject,
    'ticket.status': ticket.status,
    'requester.name': ticket.requesterName,
    'requester.email': ticket.requesterEmail ?? '',
  };
}

/** A template applied to a ticket: the ticket's values filled in, the portal ones left for identity. */
export function renderTemplate(template: TemplateText, values: TicketTemplateValues): ReplyContent {
  return {
    ...(template.subject === null ? {} : { subject: fillTicketPlaceholders(template.subject, values) }),
    text: fillTicketPlaceholders(template.body, values),
    needsPortalValues: templateNeedsPortalValues(template),
  };
}

/** Whether identity must complete mail from the template (its subject or body names a `{{portal.*}}` value). */
export function templateNeedsPortalValues(template: TemplateText): boolean {
  return needsPortalValues(template.body) || (template.subject !== null && needsPortalValues(template.subject));
}

/** Placeholders the template's subject or body names that nobody fills, each once. */
export function unknownTemplatePlaceholders(template: TemplateText): string[] {
  return [...new Set([...unknownPlaceholdersIn(template.subject ?? ''), ...unknownPlaceholdersIn(template.body)])];
}

/** The ticket a template is previewed for while an admin writes it: made up, so a preview reads no customer's data. */
export const sampleTicket = {
  number: 1042,
  subject: 'Cannot sign in since this morning',
  status: 'open',
  requesterName: 'Alex Sample',
  requesterEmail: 'alex.sample@example.com',
} as const;

/** A template as the sample ticket's requester would read it. */
export interface TemplatePreview {
  /** With the ticket token, as mailed. */
  subject: string;
  text: string;
  needsPortalValues: boolean;
}

/** The mail a template makes for a ticket (the sample one by default); the portal values, which only identity knows, are named. */
export function previewTemplate(template: TemplateText, ticket: Parameters<typeof templateValuesOf>[0] = sampleTicket): TemplatePreview {
  const rendered = renderTemplate(template, templateValuesOf(ticket));
  return {
    subject: subjectWithTicketToken(withPortalValuesNamed(rendered.subject ?? `Re: ${ticket.subject}`), ticket.number),
    text: withPortalValuesNamed(rendered.text),
    needsPortalValues: rendered.needsPortalValues,
  };
}
