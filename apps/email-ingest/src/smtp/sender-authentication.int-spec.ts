import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';
import { TxtDnsServer } from '../../test/txt-dns-server';

describe('SPF and DMARC are judged from the SMTP session and DNS, never from headers in the message (real DNS server, SMTP, Postgres and Kafka)', () => {
  let dns: TxtDnsServer;
  let ingest: EmailIngestUnderTest;

  /** Sends a mail and returns the id email-ingest answered 250 with. */
  const send = async (from: string, headers: Record<string, string> = {}) => {
    const info = await ingest.smtpTransport().sendMail({
      from,
      to: 'support@helpgate.test',
      subject: 'Who am I?',
      text: 'Judge me by the session.',
      headers,
    });
    expect(info.response).toMatch(/^250 /);
    return info.response.slice(info.response.lastIndexOf(' ') + 1);
  };
  const publishedEvent = (inboundMessageId: string) =>
    eventually(() => {
      const found = ingest.inboundEvents().find((event) => event.mail.inboundMessageId === inboundMessageId);
      expect(found).toBeDefined();
      return found!;
    });

  beforeAll(async () => {
    dns = await TxtDnsServer.start({
      'acme.test': ['v=spf1 ip4:192.0.2.1 -all'],
      '_dmarc.acme.test': ['v=DMARC1; p=reject'],
      'friendly.test': ['v=spf1 ip4:127.0.0.1 -all'],
      '_dmarc.friendly.test': ['v=DMARC1; p=none'],
    });
    ingest = await startEmailIngest({ DNS_SERVERS: dns.address });
  });

  afterAll(async () => {
    await ingest?.close();
    await dns?.close();
  });

  it('fails SPF and DMARC (policy reject) for acme.test mail from 127.0.0.1, however the message claims to have passed', async () => {
    const forged = 'mx.acme.test; spf=pass smtp.mailfrom=acme.test; dkim=pass header.d=acme.test; dmarc=pass header.from=acme.test';
    const inboundMessageId = await send('jane@acme.test', { 'Authentication-Results': forged });
    const expected = { spf: 'fail', dmarc: 'fail', dmarcPolicy: 'reject', dkim: 'none' };

    // Failing DMARC with p=reject, the mail is held in quarantine once read; released, its event flows on unchanged.
    await eventually(async () => {
      const held = (await (await ingest.fetch(`/quarantine`)).json()) as { items: { inboundMessageId: string; reason: string }[] };
      expect(held.items).toContainEqual(expect.objectContaining({ inboundMessageId, reason: 'dmarc-fail', authentication: expected }));
    });
    expect((await ingest.fetch(`/quarantine/${inboundMessageId}/release`, { method: 'POST' })).status).toBe(204);
    expect((await publishedEvent(inboundMessageId)).mail.authentication).toEqual(expected);
  });

  it('passes SPF and, aligned with it, DMARC for a domain whose SPF allows 127.0.0.1', async () => {
    const inboundMessageId = await send('sam@friendly.test');
    expect((await publishedEvent(inboundMessageId)).mail.authentication).toEqual({
      spf: 'pass',
      dmarc: 'pass',
      dmarcPolicy: 'none',
      dkim: 'none',
    });
  });
});
