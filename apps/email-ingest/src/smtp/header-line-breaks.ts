const CR = 0x0d;
const LF = 0x0a;
const END_OF_HEADER_SECTION = Buffer.from('\r\n\r\n');

/**
 * True when the header section of a raw message holds a CR or LF that is not part of a CRLF pair.
 *
 * Parsers disagree about such bytes: mailparser ends a header line at a bare LF, a strict filter does
 * not, so `Subject: hi<LF>Bcc: …` is one header to the filter and two to us. The header section is
 * taken to end at the first CRLF CRLF, the strict reading: any other reading of its end (LF LF, CRLF LF)
 * has a bare LF before it, so whichever way a parser splits the headers, a bare CR or LF is caught here.
 */
export function hasBareLineBreakInHeader(raw: Buffer): boolean {
  const end = headerSectionEnd(raw);
  for (let index = 0; index < end; index++) {
    if (raw[index] === CR && raw[index + 1] !== LF) return true;
    if (raw[index] === LF && raw[index - 1] !== CR) return true;
  }
  return false;
}

/** The index just past the CRLF of the last header line; 0 when the message starts with the empty line. */
function headerSectionEnd(raw: Buffer): number {
  if (raw[0] === CR && raw[1] === LF) return 0;
  const emptyLine = raw.indexOf(END_OF_HEADER_SECTION);
  return emptyLine === -1 ? raw.length : emptyLine + 2;
}
