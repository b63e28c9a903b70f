import { Injectable, Logger } from '@nestjs/common';
import { Resolver } from 'node:dns/promises';
import { authResults, MailAuthentication } from '@helpgate/contracts';
import { DnsAnswerCache } from './dns-answer-cache';
import { authenticateMail } from './mail-authentication';

/** What the SMTP session saw of the client: the only facts SPF and DMARC may be evaluated with. */
export interface SmtpSessionFacts {
  remoteAddress: string | null;
  heloName: string | null;
  envelopeFrom: string | null;
}

export interface SenderAuthenticatorOptions {
  serverName: string;
  /** DNS servers as host or host:port; the system's resolvers when unset. */
  dnsServers?: string[];
}

type AuthResult = MailAuthentication['spf'];

/**
 * SPF, DKIM and DMARC for one message with mailauth, from the connecting address, HELO and envelope
 * sender of the session. `Authentication-Results` headers inside the message are never trusted.
 */
@Injectable()
export class SenderAuthenticationService {
  private readonly logger = new Logger(SenderAuthenticationService.name);
  private readonly dns: DnsAnswerCache;

  constructor(private readonly options: SenderAuthenticatorOptions) {
    // One attempt with a short timeout: a slow DNS server must not hold up the reading of inbound mail for long.
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    if (options.dnsServers) resolver.setServers(options.dnsServers);
    this.dns = new DnsAnswerCache((name, rrtype) => resolver.resolve(name, rrtype), 60_000, 10_000);
  }

  async authenticate(raw: Buffer, session: SmtpSessionFacts): Promise<MailAuthentication> {
    try {
      const result = await authenticateMail(raw, {
        ip: session.remoteAddress ?? undefined,
        helo: session.heloName ?? undefined,
        sender: session.envelopeFrom ?? '',
        mta: this.options.serverName,
        resolver: (name, rrtype) => this.dns.resolve(name, rrtype),
      });
      return {
        spf: asResult(result.spf ? result.spf.status.result : 'none'),
        dkim: strongestDkim(result.dkim.results),
        dmarc: asResult(result.dmarc ? result.dmarc.status.result : 'none'),
        ...(result.dmarc && result.dmarc.policy ? { dmarcPolicy: result.dmarc.policy } : {}),
      };
    } catch (error) {
      this.logger.warn({ err: error }, 'sender authentication could not be evaluated');
      return { spf: 'temperror', dkim: 'temperror', dmarc: 'temperror' };
    }
  }
}

function asResult(value: string): AuthResult {
  return (authResults as readonly string[]).includes(value) ? (value as AuthResult) : 'permerror';
}

/** One passing signature authenticates the message; otherwise the first result tells why not. */
function strongestDkim(results: { status: { result: string } }[]): AuthResult {
  if (results.some((result) => result.status.result === 'pass')) return 'pass';
  return asResult(results[0]?.status.result ?? 'none');
}
