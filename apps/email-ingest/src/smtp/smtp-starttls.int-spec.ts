import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { EmailInboundReceivedV1, Topics } from '@helpgate/contracts';
import { eventually, freePort } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { emailIngestService } from '../email-ingest.service';
import { RawSmtpClient } from './testing/raw-smtp-client';

describe('STARTTLS with the configured key and certificate (real SMTP, Postgres and Kafka)', () => {
  let ingest: ServiceInProcess;
  let smtpPort: number;
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
    smtpPort = await freePort();
    ingest = await startServiceInProcess(emailIngestService, {
      SMTP_PORT: String(smtpPort),
      SMTP_HOST: '127.0.0.1',
      SMTP_TLS_KEY_FILE: keyFile,
      SMTP_TLS_CERT_FILE: certFile,
    });
    await ingest.kafka.record(Topics.EmailInboundReceived);
  });

  afterAll(async () => {
    await ingest?.close();
    if (certificateDir) rmSync(certificateDir, { recursive: true, force: true });
  });

  it('advertises STARTTLS', async () => {
    const { client, ehlo } = await RawSmtpClient.greeted(smtpPort);
    client.destroy();
    expect(ehlo.lines).toContain('STARTTLS');
  });

  it('takes a message over TLS from a client that requires it, checking the certificate', async () => {
    const messageId = `<over-tls-${randomUUID()}@acme.test>`;
    const transport = createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      requireTLS: true,
      tls: { ca: [certificate] },
    });
    const info = await transport.sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: 'Over TLS',
      text: 'Private matters',
      messageId,
    });
    expect(info.response).toMatch(/^250 /);
    await eventually(() =>
      expect(
        ingest.kafka.events<EmailInboundReceivedV1>(Topics.EmailInboundReceived).filter((event) => event.mail.messageId === messageId),
      ).toHaveLength(1),
    );
  });
});
