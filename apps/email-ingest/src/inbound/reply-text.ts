/** "On <date>, <name> wrote:" as Gmail, Apple Mail and Thunderbird write it, in the languages we meet. */
const attributionLines = [
  /^On\s.{1,300}\swrote:$/i,
  /^Am\s.{1,300}\sschrieb(?:\s.{0,300})?:$/i,
  /^Le\s.{1,300}\sa écrit\s?:$/i,
  /^Il\s.{1,300}\sha scritto\s?:$/i,
  /^El\s.{1,300}\sescribió\s?:$/i,
  /^Op\s.{1,300}\sschreef(?:\s.{0,300})?:$/i,
  /^Em\s.{1,300}\sescreveu\s?:$/i,
];

/** Any "<someone> wrote:" line; only taken for a quote header when quoted lines follow it. */
const wroteLine = /\b(?:wrote|schrieb|a écrit|ha scritto|escribió|schreef|escreveu)\s?:$/i;

const originalMessageSeparator =
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|message original|mail original|messaggio originale|mensaje original|oorspronkelijk bericht|origineel bericht|mensagem original)\s*-{2,}$/i;

const forwardedMessageMarker =
  /^(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|messaggio inoltrato|mensaje reenviado|doorgestuurd bericht|mensagem encaminhada)\s*-{2,}|(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|inizio messaggio inoltrato|comienzo del mensaje reenviado|begin doorgestuurd bericht|início da mensagem reencaminhada)\s?:)$/i;

/** Outlook's line above the quoted headers. */
const underscoreSeparator = /^_{10,}$/;

/** Outlook's quoted headers ("From: … Sent: … To: … Subject: …"), possibly bold (`*From:*`), in the languages we meet. */
const fromLabel = /^\*?(?:from|von|de|da|van)\*?\s?:/i;
const otherHeaderLabel =
  /^\*?(?:sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|à|objet|inviato|data|a|oggetto|enviad[ao](?: el| em)?|fecha|para|asunto|assunto|verzonden|verstuurd|aan|onderwerp)\*?\s?:/i;

/** Gmail wraps a long "On … wrote:" line; it is looked for over this many lines. */
const maxAttributionLines = 3;

/**
 * Where the quoted history of a reply begins: the number of lines of `text` above it, the new part of the reply
 * (`replyTextOf` in the contracts reads it back). A forwarded message is what its sender wants read, so it stays. The
 * full text is kept too, so cutting too much never loses anything; with nothing but blank lines above the history,
 * the whole text is the reply (undefined, as when there is no history).
 */
export function quotedHistoryLineOf(text: string): number | undefined {
  const lines = text.split(/\r\n?|\n/);
  const historyStart = quotedHistoryStart(lines);
  if (historyStart === undefined || lines.slice(0, historyStart).join('\n').trim() === '') return undefined;
  return historyStart;
}

function quotedHistoryStart(lines: readonly string[]): number | undefined {
  const quotedTail = quotedTailStart(lines);
  for (let index = 0; index < lines.length; index += 1) {
    if (forwardedMessageMarker.test(lines[index].trim())) return undefined;
    if (index === quotedTail || startsQuotedHistory(lines, index)) return index;
  }
  return undefined;
}

function startsQuotedHistory(lines: readonly string[], index: number): boolean {
  const line = lines[index].trim();
  return (
    isAttribution(lines, index) ||
    (wroteLine.test(line) && nextContentLine(lines, index)?.startsWith('>') === true) ||
    originalMessageSeparator.test(line) ||
    (underscoreSeparator.test(line) && fromLabel.test(nextContentLine(lines, index) ?? '')) ||
    startsQuotedHeaders(lines, index)
  );
}

/**
 * An attribution line, alone or wrapped over the next lines; it always carries a date or time. A
 * wrapped one must not merely end in an attribution of its own, or the line above it would go too.
 */
function isAttribution(lines: readonly string[], index: number): boolean {
  for (let count = 1; count <= maxAttributionLines && index + count <= lines.length; count += 1) {
    const candidate = lines
      .slice(index, index + count)
      .map((line) => line.trim())
      .join(' ');
    const matches = /\d/.test(candidate) && attributionLines.some((pattern) => pattern.test(candidate));
    if (matches) return count === 1 || !isAttribution(lines, index + 1);
  }
  return false;
}

/** "From: …" followed by another header within the next lines. */
function startsQuotedHeaders(lines: readonly string[], index: number): boolean {
  if (!fromLabel.test(lines[index].trim())) return false;
  return lines.slice(index + 1, index + 5).some((line) => otherHeaderLabel.test(line.trim()));
}

/** Where the run of `>` lines that reaches the end (blank lines aside) begins; inline answers keep the whole. */
function quotedTailStart(lines: readonly string[]): number | undefined {
  let start: number | undefined;
  for (let index = lines.length - 1; index >= 0 && (isQuoted(lines[index]) || lines[index].trim() === ''); index -= 1) {
    if (isQuoted(lines[index])) start = index;
  }
  return start;
}

function isQuoted(line: string): boolean {
  return line.trimStart().startsWith('>');
}

function nextContentLine(lines: readonly string[], index: number): string | undefined {
  for (let next = index + 1; next < lines.length; next += 1) {
    if (lines[next].trim() !== '') return lines[next].trim();
  }
  return undefined;
}
