import { isIP } from 'node:net';
import { DkimVerifier } from 'mailauth/lib/dkim/dkim-verifier';
import { dmarc } from 'mailauth/lib/dmarc';
import { spf } from 'mailauth/lib/spf';
import { parseHeaders } from 'mailauth/lib/tools';

export interface MailAuthenticationOptions {
  ip?: string;
  helo?: string;
  /** The envelope sender; empty for the null sender. */
  sender: string;
  mta: string;
  resolver: (name: string, rrtype: string) => Promise<unknown>;
}

export interface MailAuthenticationResult {
  dkim: { results: { status: { result: string } }[] };
  spf: { status: { result: string } } | false;
  dmarc: { status: { result: string }; policy?: string } | false;
}

/**
 * What mailauth's `authenticate` answers with ARC, BIMI and sealing off and Received headers not trusted (how
 * Helpgate calls it), from its own DKIM, SPF and DMARC steps in the same order with the same inputs. The difference is
 * how the message reaches the DKIM verifier: mailauth streams it through and finds the end of the header section byte
 * by byte in JavaScript; here the verifier is handed the header section and the body, split where mailauth would have
 * split them, so it only canonicalizes and hashes.
 */
export async function authenticateMail(raw: Buffer, options: MailAuthenticationOptions): Promise<MailAuthenticationResult> {
  const dkimResult = await verifyDkim(raw, { resolver: options.resolver, sender: options.sender });
  let helo = options.helo;
  if (!helo && options.ip) helo = options.ip;
  if (helo && isIP(helo)) helo = `[${helo}]`;
  const spfResult = await spf({ ...options, helo });
  const dmarcResult = await dmarc({
    headerFrom: dkimResult.headerFrom,
    spfDomains: spfResult && spfResult.status.result === 'pass' && spfResult.domain ? [spfResult.domain] : [],
    dkimDomains: dkimResult.results
      .filter((result) => result.status.result === 'pass')
      .map((result) => ({
        id: result.id,
        domain: result.signingDomain,
        aligned: result.status.aligned,
        underSized: result.status.underSized,
      })),
    resolver: options.resolver,
  });
  return { dkim: { results: dkimResult.results }, spf: spfResult, dmarc: dmarcResult };
}

async function verifyDkim(raw: Buffer, options: ConstructorParameters<typeof DkimVerifier>[0]): Promise<DkimVerifier> {
  const verifier = new DkimVerifier(options);
  const headerLength = headerSectionLength(raw);
  if (headerLength === undefined) {
    // No body: the verifier's own reading of a message that is all header section.
    await verifier.writeAsync(raw);
  } else {
    // The verifier's line break repair (a bare LF becomes CRLF) runs over both halves, in order, as when streamed.
    verifier.headers = parseHeaders(Buffer.concat([...verifier.ensureLinebreaks(raw.subarray(0, headerLength))]));
    verifier.state = 'body';
    await verifier.messageHeaders(verifier.headers);
    await verifier.writeAsync(raw.subarray(headerLength));
  }
  await verifier.finish();
  return verifier;
}

/**
 * Where the header section ends as mailauth finds it: after the first empty line, an LF or CRLF following an LF (its
 * line break repair turns a bare LF into CRLF, so either spelling ends it). Undefined when there is no empty line.
 */
export function headerSectionLength(raw: Buffer): number | undefined {
  const afterLfLf = raw.indexOf('\n\n');
  const afterLfCrLf = raw.indexOf('\n\r\n');
  const ends = [afterLfLf === -1 ? Infinity : afterLfLf + 2, afterLfCrLf === -1 ? Infinity : afterLfCrLf + 3];
  const end = Math.min(...ends);
  return end === Infinity ? undefined : end;
}
