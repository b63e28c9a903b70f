// The MIME messages the benchmarks send: a 5 KB mail with a text and an HTML part, and a 200 KB one with
// a PDF-sized binary attachment. Content is deterministic so every run sends the same bytes.
import { createHash } from 'node:crypto';

const words = ['account', 'billing', 'cannot', 'sign', 'in', 'invoice', 'order', 'please', 'help', 'error', 'since', 'yesterday', 'thanks'];

function prose(bytes, seed) {
  const lines = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const line = Array.from({ length: 11 }, (_, word) => words[(seed + index * 7 + word * 3) % words.length]).join(' ');
    lines.push(line);
    size += line.length + 2;
  }
  return lines;
}

function pseudoRandomBytes(size, seed) {
  const chunks = [];
  for (let block = 0; chunks.length * 32 < size; block++) chunks.push(createHash('sha256').update(`${seed}:${block}`).digest());
  return Buffer.concat(chunks).subarray(0, size);
}

/**
 * One message as CRLF text. `kind` is '5k' or '200k'; `from`, `subject` and `messageId` make it unique
 * where a benchmark needs that.
 */
export function mimeMessage(
  kind,
  { from, to = 'support@helpgate.test', subject, messageId, date = new Date(Date.UTC(2026, 0, 15, 9, 30)) },
) {
  const boundary = `----=_bench_${kind}`;
  const headers = [
    `From: Bench Sender <${from}>`,
    `To: Support <${to}>`,
    `Subject: ${subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
  ];
  const textPart = [
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    ...prose(kind === '5k' ? 1800 : 1200, 1),
  ];
  if (kind === '5k') {
    const html = ['<html><body>', ...prose(2400, 2).map((line) => `<p>${line}</p>`), '</body></html>'];
    return multipart(headers, 'alternative', boundary, [
      textPart,
      ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 7bit', '', ...html],
    ]);
  }
  const attachment = pseudoRandomBytes(146_000, kind)
    .toString('base64')
    .match(/.{1,76}/g);
  return multipart(headers, 'mixed', boundary, [
    textPart,
    [
      'Content-Type: application/pdf; name="statement.pdf"',
      'Content-Disposition: attachment; filename="statement.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      ...attachment,
    ],
  ]);
}

/** The message's headers and a multipart body of `parts` (each its own header lines, a blank line and its content). */
function multipart(headers, subtype, boundary, parts) {
  return [
    ...headers,
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    ...parts.flatMap((part) => [`--${boundary}`, ...part]),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
