import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from 'mailauth';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import { authenticateMail, headerSectionLength } from './mail-authentication';

const fixtures = join(__dirname, '../../test/fixtures');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyRecord = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

const records: Record<string, string[]> = {
  'acme.test': ['v=spf1 ip4:192.0.2.1 -all'],
  '_dmarc.acme.test': ['v=DMARC1; p=reject'],
  'friendly.test': ['v=spf1 ip4:127.0.0.1 -all'],
  '_dmarc.friendly.test': ['v=DMARC1; p=none'],
  'sel._domainkey.friendly.test': [publicKeyRecord],
};

async function resolver(name: string, rrtype: string): Promise<string[][]> {
  const found = rrtype === 'TXT' ? records[name.toLowerCase()] : undefined;
  if (!found) throw Object.assign(new Error(`no ${rrtype} for ${name}`), { code: 'ENOTFOUND' });
  return found.map((record) => [record]);
}

async function signed(raw: string, signature: { canonicalization?: string; maxBodyLength?: number } = {}): Promise<Buffer> {
  const { signatures } = await dkimSign(raw, {
    signatureData: [
      { signingDomain: 'friendly.test', selector: 'sel', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }), ...signature },
    ],
  });
  return Buffer.from(signatures + raw);
}

/** The fixture corpus (machine mail, human mail, hostile mail) as stored, each file once. */
function corpus(): [string, Buffer][] {
  return readdirSync(fixtures, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
    .map((entry) => [join(entry.parentPath, entry.name).slice(fixtures.length + 1), readFileSync(join(entry.parentPath, entry.name))]);
}

const session = { ip: '127.0.0.1', helo: 'client.friendly.test', mta: 'mx.helpgate.test', resolver };

/** What Helpgate keeps of a result: the DKIM, SPF and DMARC verdicts and the DMARC policy. */
function verdicts(result: { dkim?: { results: { status: { result: string } }[] }; spf?: unknown; dmarc?: unknown }) {
  const spf = result.spf as { status: { result: string } } | false | undefined;
  const dmarc = result.dmarc as { status: { result: string }; policy?: string } | false | undefined;
  return {
    dkim: (result.dkim?.results ?? []).map((entry) => entry.status.result),
    spf: spf ? spf.status.result : 'none',
    dmarc: dmarc ? [dmarc.status.result, dmarc.policy] : 'none',
  };
}

describe('authenticateMail', () => {
  const plain = 'From: Sam <sam@friendly.test>\r\nTo: support@helpgate.test\r\nSubject: hi\r\n\r\nHello,\r\nit is me.\r\n';

  const cases: [string, () => Promise<Buffer>, string][] = [
    ['a message signed relaxed/relaxed', () => signed(plain), 'sam@friendly.test'],
    ['a message signed simple/simple', () => signed(plain, { canonicalization: 'simple/simple' }), 'sam@friendly.test'],
    ['a message signed over its first bytes only (l=)', () => signed(plain, { maxBodyLength: 8 }), 'sam@friendly.test'],
    [
      'a signed message whose body was changed after signing',
      async () => Buffer.from((await signed(plain)).toString().replace('it is me', 'it is not me')),
      'sam@friendly.test',
    ],
    [
      'a signed message with bare LF line breaks in its body',
      async () => Buffer.from((await signed(plain)).toString().replace('Hello,\r\n', 'Hello,\n\n')),
      'sam@friendly.test',
    ],
    ['a message whose header section ends in a bare LF', async () => Buffer.from(plain.replace('\r\n\r\n', '\n\n')), 'sam@friendly.test'],
    ['a message with no body', async () => Buffer.from('From: sam@friendly.test\r\nSubject: none'), 'sam@friendly.test'],
    ['an empty message', async () => Buffer.alloc(0), ''],
    [
      'a message claiming acme.test from an address its SPF refuses',
      async () => Buffer.from(plain.replace(/friendly/g, 'acme')),
      'sam@acme.test',
    ],
  ];

  it.each(cases)('answers as mailauth does for %s', async (_name, message, sender) => {
    const raw = await message();
    const expected = await authenticate(raw, { ...session, sender, trustReceived: false, disableArc: true, disableBimi: true });
    expect(verdicts(await authenticateMail(raw, { ...session, sender }))).toEqual(verdicts(expected));
  });

  it('answers as mailauth does for every fixture mail', async () => {
    for (const [name, raw] of corpus()) {
      const expected = await authenticate(raw, {
        ...session,
        sender: 'sam@friendly.test',
        trustReceived: false,
        disableArc: true,
        disableBimi: true,
      });
      expect({ name, ...verdicts(await authenticateMail(raw, { ...session, sender: 'sam@friendly.test' })) }).toEqual({
        name,
        ...verdicts(expected),
      });
    }
  });

  it('passes the signature of a signed message', async () => {
    expect(verdicts(await authenticateMail(await signed(plain), { ...session, sender: 'sam@friendly.test' }))).toEqual({
      dkim: ['pass'],
      spf: 'pass',
      dmarc: ['pass', 'none'],
    });
  });
});

describe('headerSectionLength', () => {
  it.each([
    ['CRLF line breaks', 'A: 1\r\nB: 2\r\n\r\nbody', 14],
    ['LF line breaks', 'A: 1\nB: 2\n\nbody', 11],
    ['an empty header section', '\r\nbody', undefined],
    ['an empty line first', '\r\n\r\nbody', 4],
    ['no empty line', 'A: 1\r\nB: 2', undefined],
  ])('finds the end of the header section with %s', (_name, raw, length) => {
    expect(headerSectionLength(Buffer.from(raw))).toBe(length);
  });
});
