/** The longest subject taken from a request's message; the rest stays in the message. */
const maxSubjectChars = 100;

/** A ticket subject for a request that has none: its message's first line, cut at a word. */
export function subjectOf(message: string): string {
  const firstLine = message.trim().split(/\r?\n/, 1)[0]!.replace(/\s+/g, ' ');
  if (firstLine.length <= maxSubjectChars) return firstLine;
  const cut = firstLine.slice(0, maxSubjectChars - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > maxSubjectChars / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
