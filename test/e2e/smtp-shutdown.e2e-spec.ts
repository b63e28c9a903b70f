import { randomUUID } from 'node:crypto';
import { EmailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { RawSmtpClient } from '../../apps/email-ingest/test/raw-smtp-client';
import { RunningService, startService, waitUntilHealthy } from '../../scripts/lib/service-processes.cjs';
import { testAuthEnv } from '../support/auth';
import { dropDatabases } from '../support/databases';
import { eventually, freePort, testInfra, uniqueName } from '../support/infra';
import { KafkaTestClient } from '../support/kafka-test-client';

describe('email-ingest as a process: SMTP start-up and graceful shutdown', () => {
  const { brokers, databaseUrl } = testInfra();
  const run = uniqueName('e2e_smtp');
  const databaseNames: string[] = [];
  const started: RunningService[] = [];
  const kafka = new KafkaTestClient(brokers, `${run}.`);

  /** Starts email-ingest alone, with its own database and this run's topic prefix; its output goes to `logs`. */
  const startEmailIngest = async (settings: NodeJS.ProcessEnv, logs: string[] = []) => {
    const databaseName = `${run}_${databaseNames.length}`;
    databaseNames.push(databaseName);
    const [smtpPort, httpPort] = [await freePort(), await freePort()];
    const running = startService('email-ingest', {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        DATABASE_NAME: databaseName,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `${run}.`,
        KAFKA_GROUP_ID: `${run}-email-ingest`,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(httpPort),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        LOG_LEVEL: 'info',
        ...testAuthEnv,
        ...settings,
      },
      onLine: (line) => logs.push(line),
    });
    started.push(running);
    return { running, smtpPort, httpPort, logs };
  };

  /** Whether a new SMTP connection is accepted at all; an accepted one is dropped at once. */
  const connectionAttempt = async (smtpPort: number): Promise<'accepted' | 'refused'> => {
    try {
      (await RawSmtpClient.open(smtpPort)).destroy();
      return 'accepted';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return 'refused';
      throw error;
    }
  };

  afterAll(async () => {
    await Promise.all(started.map((running) => running.stop('SIGKILL')));
    await kafka.close();
    await kafka.deleteOwnTopics();
    await dropDatabases(databaseUrl, databaseNames);
  });

  it('does not start when a STARTTLS file cannot be read, and says which setting', async () => {
    const { running, logs } = await startEmailIngest({
      SMTP_TLS_KEY_FILE: `/nonexistent/${run}/smtp.key`,
      SMTP_TLS_CERT_FILE: `/nonexistent/${run}/smtp.crt`,
    });
    expect(await running.exited).toBe(1);
    expect(logs.join('\n')).toContain(`SMTP_TLS_KEY_FILE: cannot read /nonexistent/${run}/smtp.key (ENOENT)`);
  });

  it('on SIGTERM refuses new connections, still answers 250 to the message in progress once Kafka has it, and exits 0', async () => {
    const { running, smtpPort, httpPort } = await startEmailIngest({ SUPPORT_ADDRESSES: 'support@helpgate.test' });
    await waitUntilHealthy(running, httpPort);
    await kafka.record(Topics.EmailInboundReceived);
    const messageId = `<during-shutdown-${randomUUID()}@acme.test>`;

    const { client } = await RawSmtpClient.greeted(smtpPort);
    expect((await client.command('MAIL FROM:<jane@acme.test>')).code).toBe(250);
    expect((await client.command('RCPT TO:<support@helpgate.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    await client.send(
      `From: jane@acme.test\r\nTo: support@helpgate.test\r\nMessage-ID: ${messageId}\r\nSubject: Mid-shutdown\r\n\r\nThe first half,`,
    );

    running.child.kill('SIGTERM');
    await eventually(async () => expect(await connectionAttempt(smtpPort)).toBe('refused'));
    expect(running.child.exitCode).toBeNull();

    await client.send(' and the second half.\r\n.\r\n');
    expect((await client.reply()).code).toBe(250);
    await eventually(() =>
      expect(
        kafka.events<EmailInboundReceivedV2>(Topics.EmailInboundReceived).filter((event) => event.mail.messageId === messageId),
      ).toHaveLength(1),
    );

    // No new transaction is started on the way out.
    expect((await client.command('MAIL FROM:<jane@acme.test>')).code).toBe(421);
    await client.closed;
    expect(await running.exited).toBe(0);
  });
});
