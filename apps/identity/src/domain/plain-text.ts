/** Elements whose content is code or styling, never text: dropped whole. */
const executableElement = /<(script|style|iframe|object|embed|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const tag = /<\/?[a-z!?][^>]*>/gi;
// Tab and line breaks are kept here and turned into spaces (or kept as newlines) below.
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text as it may be stored and shown to agents: markup removed (executable elements with their content),
 * control and bidirectional-override characters removed, white space collapsed. Single-line (names) by
 * default; `multiline` keeps line breaks (notes). Angle brackets left after stripping are dropped too, so
 * that `<<b>script>` cannot reassemble into a tag.
 */
export function plainText(raw: string, options: { multiline?: boolean } = {}): string {
  let text = raw.replace(/\r\n?/g, '\n');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(executableElement, '').replace(tag, '');
  }
  text = text.replace(controlCharacter, '').replace(/[<>]/g, '');
  if (!options.multiline) return text.replace(/\s+/g, ' ').trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
