import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';
import { RawSmtpClient } from '../../test/raw-smtp-client';

describe('STARTTLS with the configured key and certificate (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;
  let certificateDir: string;
  let certificate: Buffer;

  beforeAll(async () => {
    certificateDir = mkdtempSync(join(tmpdir(), 'helpgate-smtp-tls-'));
    const keyFile = join(certificateDir, 'smtp.key');
    const certFile = join(certificateDir, 'smtp.crt');
    const selfSigned = ['-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'];
    execFileSync('openssl', ['req', ...selfSigned, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], {
      stdio: 'ignore',
    });
    certificate = readFileSync(certFile);
    ingest = await startEmailIngest({ SMTP_TLS_KEY_FILE: keyFile, SMTP_TLS_CERT_FILE: certFile });
  });

  afterAll(async () => {
    await ingest?.close();
    if (certificateDir) rmSync(certificateDir, { recursive: true, force: true });
  });

  it('advertises STARTTLS', async () => {
    const { client, ehlo } = await RawSmtpClient.greeted(ingest.smtpPort);
    client.destroy();
    expect(ehlo.lines).toContain('STARTTLS');
  });

  it('takes a message over TLS from a client that requires it, checking the certificate', async () => {
    const messageId = `<over-tls-${randomUUID()}@acme.test>`;
    const info = await ingest.smtpTransport({ requireTLS: true, tls: { ca: [certificate] } }).sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: 'Over TLS',
      text: 'Private matters',
      messageId,
    });
    expect(info.response).toMatch(/^250 /);
    await ingest.waitForInboundEvent(messageId);
  });
});
