/** The types chat recognises by their first bytes, whatever the sender declared. */
const signatures: readonly { type: string; magic: readonly (number | null)[] }[] = [
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', magic: [...ascii('GIF8'), null, ...ascii('a')] },
  // RIFF, four bytes of length, WEBP.
  { type: 'image/webp', magic: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'application/pdf', magic: ascii('%PDF-') },
];

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Control characters other than tab, line feed, form feed and carriage return: not text a person wrote. */
const controlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * The type chat stores and serves a file as, from its bytes alone: screenshots, photos and PDFs by their signature,
 * plain UTF-8 text as `text/plain`, anything else (markup such as HTML or SVG included, whatever its name says) as
 * `application/octet-stream`. A declared type is never trusted: it would let a visitor's page run in an agent's browser.
 */
export function sniffContentType(content: Buffer): string {
  const known = signatures.find(
    ({ magic }) => magic.length <= content.length && magic.every((byte, i) => byte === null || content[i] === byte),
  );
  if (known) return known.type;
  return isPlainText(content) ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}

function isPlainText(content: Buffer): boolean {
  if (content.length === 0) return false;
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    return false;
  }
  // Text opening with a tag is markup a browser would render (HTML, SVG, XML).
  return (
    !controlCharacter.test(text) &&
    !text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  );
}

function ascii(text: string): number[] {
  return [...Buffer.from(text, 'latin1')];
}
