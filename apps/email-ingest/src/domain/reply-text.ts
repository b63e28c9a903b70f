const quoteHeaderPatterns = [
  /^On .{1,200}wrote:\s*$/,
  /^Am .{1,200}schrieb .{0,100}:\s*$/,
  /^Le .{1,200}a écrit\s*:\s*$/,
  /^Il giorno .{1,200}ha scritto:\s*$/,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Messaggio originale)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^From:\s.+$/,
];

/**
 * The new part of a reply: everything above the first quote header or quoted block. The full text is
 * kept elsewhere, so cutting too much never loses anything; an empty result falls back to the full text.
 */
export function extractReplyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex((line, index) => isQuoteHeader(line, lines[index + 1]) || startsQuotedTail(lines, index));
  const reply = (cut === -1 ? lines : lines.slice(0, cut)).join('\n').trim();
  return reply || text.trim();
}

function isQuoteHeader(line: string, next: string | undefined): boolean {
  const trimmed = line.trim();
  if (trimmed.startsWith('From:') && !/^(Sent|Date|To|Subject):/.test(next?.trim() ?? '')) return false;
  return quoteHeaderPatterns.some((pattern) => pattern.test(trimmed));
}

/** A run of `>` lines that reaches the end (ignoring blank lines and a signature) is quoted history. */
function startsQuotedTail(lines: string[], index: number): boolean {
  if (!lines[index].startsWith('>')) return false;
  return lines.slice(index).every((line) => line.startsWith('>') || line.trim() === '' || line.startsWith('-- '));
}
