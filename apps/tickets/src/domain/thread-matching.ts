const ticketTokenPattern = /\[#(\d{1,12})\]/g;

/** Puts the ticket token in a subject once, so replies keep it. */
export function subjectWithTicketToken(subject: string, ticketNumber: number): string {
  const token = `[#${ticketNumber}]`;
  return subject.includes(token) ? subject : `${token} ${subject}`.trim();
}

/** Ticket numbers quoted in a subject as `[#1042]`, most recent (last) first. */
export function ticketNumbersInSubject(subject: string): number[] {
  const numbers = [...subject.matchAll(ticketTokenPattern)].map((match) => Number(match[1]));
  return [...new Set(numbers.reverse())].filter((number) => Number.isSafeInteger(number) && number > 0);
}

/** The Message-IDs a reply points at, the direct parent first, then the rest of the chain newest first. */
export function referencedMessageIds(mail: { inReplyTo?: string; references: string[] }): string[] {
  const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}
