import { DnsAnswerCache } from './dns-answer-cache';

function dnsError(code: string): Error {
  return Object.assign(new Error(`query failed: ${code}`), { code });
}

describe('DnsAnswerCache', () => {
  let clock: number;
  let lookups: string[];
  let answers: Map<string, () => Promise<unknown>>;
  const cache = (maxEntries = 10) =>
    new DnsAnswerCache(
      (name, rrtype) => {
        lookups.push(`${rrtype} ${name}`);
        return (answers.get(name) ?? (() => Promise.resolve([['v=spf1 -all']])))();
      },
      60_000,
      maxEntries,
      () => clock,
    );

  beforeEach(() => {
    clock = 0;
    lookups = [];
    answers = new Map();
  });

  it('answers a repeated lookup from memory until the answer expires', async () => {
    const dns = cache();
    await dns.resolve('acme.test', 'TXT');
    clock = 59_999;
    await expect(dns.resolve('ACME.test', 'TXT')).resolves.toEqual([['v=spf1 -all']]);
    expect(lookups).toEqual(['TXT acme.test']);
    clock = 60_000;
    await dns.resolve('acme.test', 'TXT');
    expect(lookups).toEqual(['TXT acme.test', 'TXT acme.test']);
  });

  it('gives every caller its own copy, so one cannot change what the next one reads', async () => {
    answers.set('_dmarc.acme.test', () => Promise.reject(dnsError('ENOTFOUND')));
    const dns = cache();
    const first = (await dns.resolve('acme.test', 'TXT')) as string[][];
    first[0].push('changed');
    const error = (await dns.resolve('_dmarc.acme.test', 'TXT').catch((rejection: unknown) => rejection)) as Error & {
      spfResult?: unknown;
    };
    error.spfResult = 'annotated';
    await expect(dns.resolve('acme.test', 'TXT')).resolves.toEqual([['v=spf1 -all']]);
    await expect(dns.resolve('_dmarc.acme.test', 'TXT')).rejects.toEqual(expect.not.objectContaining({ spfResult: expect.anything() }));
    expect(lookups).toHaveLength(2);
  });

  it('keeps record types apart and lets concurrent lookups of one name share a query', async () => {
    const dns = cache();
    await Promise.all([dns.resolve('acme.test', 'TXT'), dns.resolve('acme.test', 'TXT'), dns.resolve('acme.test', 'MX')]);
    expect(lookups).toEqual(['TXT acme.test', 'MX acme.test']);
  });

  it('remembers that a name does not exist, but asks again after a timeout', async () => {
    answers.set('_dmarc.acme.test', () => Promise.reject(dnsError('ENOTFOUND')));
    answers.set('slow.test', () => Promise.reject(dnsError('ETIMEOUT')));
    const dns = cache();
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(dns.resolve('_dmarc.acme.test', 'TXT')).rejects.toThrow('ENOTFOUND');
      await expect(dns.resolve('slow.test', 'TXT')).rejects.toThrow('ETIMEOUT');
    }
    expect(lookups).toEqual(['TXT _dmarc.acme.test', 'TXT slow.test', 'TXT slow.test']);
  });

  it('drops the oldest answer beyond its size', async () => {
    const dns = cache(2);
    for (const name of ['a.test', 'b.test', 'c.test', 'b.test', 'a.test']) await dns.resolve(name, 'TXT');
    expect(lookups).toEqual(['TXT a.test', 'TXT b.test', 'TXT c.test', 'TXT a.test']);
  });
});
