import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { mimeLimits, readMimeParts } from './mime-parts';

const hostile = join(__dirname, '../../test/fixtures/hostile');

function multipartMixed(parts: string[], headers: string[] = []): string {
  return [
    'From: jane@acme.test',
    ...headers,
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    ...parts.flatMap((part) => ['--outer', part]),
    '--outer--',
    '',
  ].join('\r\n');
}

const textPart = (body: string) => `Content-Type: text/plain\r\n\r\n${body}`;

/** A part nested `depth` multiparts below the top-level one. */
function nested(depth: number): string {
  const open = Array.from({ length: depth }, (_, level) => `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}`);
  const close = Array.from({ length: depth }, (_, level) => `--b${depth - 1 - level}--`);
  return [...open, textPart('deep'), ...close].join('\r\n');
}

async function refusal(raw: string | Buffer): Promise<IngestException> {
  const error = await readMimeParts(Buffer.from(raw)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(IngestException);
  expect((error as IngestException).code).toBe(IngestErrorCode.MalformedMessage);
  return error as IngestException;
}

describe('readMimeParts', () => {
  it('reads headers, text and attachments in one pass', async () => {
    const parts = await readMimeParts(
      Buffer.from(
        multipartMixed(
          [
            textPart('Hello'),
            'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="a.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC',
          ],
          ['Subject: parts'],
        ),
      ),
    );
    expect(parts.headers.get('subject')).toBe('parts');
    expect(parts.text).toBe('Hello');
    expect(parts.attachments).toEqual([
      expect.objectContaining({ filename: 'a.bin', sizeBytes: 3, inline: false, content: Buffer.from([0, 1, 2]) }),
    ]);
  });

  it(`reads ${mimeLimits.maxParts} parts and refuses one more`, async () => {
    // The top-level multipart is a part too.
    const parts = (count: number) => multipartMixed(Array.from({ length: count - 1 }, (_, index) => textPart(`part ${index}`)));
    await expect(readMimeParts(Buffer.from(parts(mimeLimits.maxParts)))).resolves.toBeDefined();
    expect((await refusal(parts(mimeLimits.maxParts + 1))).message).toMatch(/^Malformed MIME: /);
  });

  it(`reads parts nested ${mimeLimits.maxDepth} deep and refuses one level deeper`, async () => {
    await expect(readMimeParts(Buffer.from(multipartMixed([nested(mimeLimits.maxDepth - 1)])))).resolves.toBeDefined();
    expect((await refusal(multipartMixed([nested(mimeLimits.maxDepth)]))).message).toBe(
      `Malformed MIME: MIME parts nested deeper than ${mimeLimits.maxDepth}`,
    );
  });

  it('refuses the hostile fixture of 300 nested multiparts at the depth limit', async () => {
    expect((await refusal(readFileSync(join(hostile, 'nested-300-multipart.eml')))).message).toBe(
      `Malformed MIME: MIME parts nested deeper than ${mimeLimits.maxDepth}`,
    );
  });

  it('refuses a part whose headers are larger than the limit, naming what mailsplit found', async () => {
    const hugeHeaders = Array.from({ length: 5000 }, (_, index) => `X-Filler-${index}: ${'x'.repeat(60)}`);
    expect((await refusal(multipartMixed([[...hugeHeaders, 'Content-Type: text/plain', '', 'body'].join('\r\n')]))).message).toMatch(
      /^Malformed MIME: unreadable MIME structure: /,
    );
  });

  it('does not count the parts of an inline embedded message against the depth limit', async () => {
    const embedded = [
      'Content-Type: message/rfc822',
      'Content-Disposition: inline',
      '',
      'From: someone@elsewhere.test',
      multipartMixed([nested(mimeLimits.maxDepth)]).replace(/^From: jane@acme.test\r\n/, ''),
    ].join('\r\n');
    await expect(readMimeParts(Buffer.from(multipartMixed([textPart('see below'), embedded])))).resolves.toBeDefined();
  });
});
