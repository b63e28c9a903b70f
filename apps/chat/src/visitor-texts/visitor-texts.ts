import texts from './visitor-texts.json';

/**
 * What Helpgate itself says to a visitor (the built-in agent's fixed replies, handoff and ticket-path notices), kept as
 * data in `visitor-texts.json`: one entry per language, every text in English too, which is what a language without
 * an entry, or an entry without that text, falls back to. A new language is a new entry there.
 */
export type VisitorTexts = (typeof texts)['en'];
export type VisitorTextKey = keyof VisitorTexts;

const byLanguage: Record<string, Partial<VisitorTexts>> = texts;

/** The languages the file has an entry for. */
export const visitorTextLanguages = Object.keys(byLanguage);

/** The texts in the visitor's language, each one missing there in English. */
export function visitorTextsIn(language: string | null): VisitorTexts {
  return { ...texts.en, ...(language ? byLanguage[language] : undefined) };
}

/** The text with each `{placeholder}` filled in, the values taken as they are (no replacement patterns). */
export function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** "Not sure" with the way on that exists now: a person when one can take the chat, else the ticket path. */
export function notSureReply(language: string | null, personReachable: boolean): string {
  const words = visitorTextsIn(language);
  return `${words.notSure} ${personReachable ? words.offerPerson : words.offerTicket}`;
}

/** Why nobody can take the chat now, in the visitor's language; `backAt` is when the team is next within business hours. */
export function noHandoffNotice(
  language: string | null,
  reason: 'no_support_contract' | 'outside_business_hours' | 'no_agent_available',
  backAt: Date | null,
): string {
  const words = visitorTextsIn(language);
  switch (reason) {
    case 'no_support_contract':
      return words.noSupportContract;
    case 'outside_business_hours':
      return backAt ? fillIn(words.outsideBusinessHoursUntil, { time: backAt.toISOString() }) : words.outsideBusinessHours;
    case 'no_agent_available':
      return words.noAgentAvailable;
  }
}

/** The conversation became a ticket: the answer comes by mail, to the address chat has when it has one. */
export function nowATicketNotice(language: string | null, email: string | null): string {
  const words = visitorTextsIn(language);
  return email ? fillIn(words.nowATicketTo, { email }) : words.nowATicket;
}

/** A transfer: who the visitor chats with from now on, by name when chat knows it. */
export function chattingWithNotice(language: string | null, agentName: string | null): string {
  const words = visitorTextsIn(language);
  return agentName ? fillIn(words.chattingWith, { name: agentName }) : words.chattingWithColleague;
}
