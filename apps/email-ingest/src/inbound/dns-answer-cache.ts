type Lookup = (name: string, rrtype: string) => Promise<unknown>;

/** Errors that are answers: the name or the record type does not exist. Anything else (timeouts, SERVFAIL) is retried. */
const definiteAnswers = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * Keeps DNS answers for a short while. Every message needs the SPF and DMARC records of its sender's
 * domain, and mail comes in bursts from few domains: without this each message waited on the same
 * lookups as the one before it. Concurrent lookups of one name share a query; the answers (including
 * "no such name") live `ttlMs`, far below the TTLs domains publish; at most `maxEntries` are kept,
 * the oldest dropped first, so random names cannot grow it without bound. Every caller gets its own
 * copy of the answer (or error), since mailauth annotates the errors it is given.
 */
export class DnsAnswerCache {
  private readonly entries = new Map<string, { answer: Promise<unknown>; expiresAt: number }>();

  constructor(
    private readonly lookup: Lookup,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  resolve(name: string, rrtype: string): Promise<unknown> {
    return this.shared(name, rrtype).then(
      (answer) => structuredClone(answer),
      (error: NodeJS.ErrnoException) => Promise.reject(Object.assign(new Error(error.message), { code: error.code })),
    );
  }

  private shared(name: string, rrtype: string): Promise<unknown> {
    const key = `${rrtype} ${name.toLowerCase()}`;
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.answer;
    const entry = { answer: this.lookup(name, rrtype), expiresAt: this.now() + this.ttlMs };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    entry.answer.catch((error: NodeJS.ErrnoException) => {
      if (!definiteAnswers.has(error?.code ?? '') && this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.answer;
  }
}
