import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { Client } from 'pg';
import { EmailInboundReceivedV2, TopicName, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { publishAndWaitHandled } from '../../../test/support/handled-event';
import { eventually, freePort } from '../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../test/support/service-in-process';
import { emailIngestServiceDefinition } from '../src/email-ingest.definition';
import { RawSmtpClients } from './raw-smtp-client';

export interface EmailIngestUnderTest extends ServiceInProcess {
  smtpPort: number;
  /** Connected to the service's own database. */
  database: Client;
  /** Raw clients to the SMTP port; destroy them after each test with `rawClients.destroyAll()`. */
  rawClients: RawSmtpClients;
  /** The `email.inbound.received` events recorded so far (`email.inbound.accepted` is recorded too: `kafka.messages`). */
  inboundEvents(): EmailInboundReceivedV2[];
  inboundEventsWithMessageId(messageId: string): EmailInboundReceivedV2[];
  /** How many mails the service has stored a receipt (an `inbound_messages` row) for. */
  receiptCount(): Promise<number>;
  /** Waits until exactly one event with this Message-ID is recorded, and returns it. */
  /** Waits until the mail was read and its inbound event published (`timeoutMs`: default, that of `eventually`). */
  waitForInboundEvent(messageId: string, timeoutMs?: number): Promise<EmailInboundReceivedV2>;
  /** A nodemailer transport to the SMTP port, in plain text unless TLS options are given. */
  smtpTransport(tls?: Pick<SMTPTransport.Options, 'requireTLS' | 'tls'>): Transporter<SMTPTransport.SentMessageInfo>;
  /** Publishes an event to the service and waits until it has handled it. */
  handled(topic: TopicName, key: string, event: { eventId: string }): Promise<void>;
  /** Ends the raw clients and the database connection, then stops the service. */
  close(): Promise<void>;
}

/**
 * Starts email-ingest in this process (see startServiceInProcess) with SMTP on a free port of 127.0.0.1,
 * connects to its database and records `email.inbound.received` from the beginning.
 */
export async function startEmailIngest(env: NodeJS.ProcessEnv = {}): Promise<EmailIngestUnderTest> {
  const smtpPort = await freePort();
  const service = await startServiceInProcess(emailIngestServiceDefinition, {
    ...env,
    SMTP_PORT: String(smtpPort),
    SMTP_HOST: '127.0.0.1',
  });
  const { DATABASE_URL: serverUrl, DATABASE_NAME: databaseName } = service.env;
  let database: Client;
  try {
    if (!serverUrl || !databaseName) throw new Error('the service was started without DATABASE_URL and DATABASE_NAME');
    await service.kafka.record(Topics.EmailInboundReceived, Topics.EmailInboundAccepted);
    database = new Client({ connectionString: databaseUrl(serverUrl, databaseName) });
    await database.connect();
  } catch (error) {
    await service.close();
    throw error;
  }

  const rawClients = new RawSmtpClients(smtpPort);
  const inboundEvents = () => service.kafka.events<EmailInboundReceivedV2>(Topics.EmailInboundReceived);
  const inboundEventsWithMessageId = (messageId: string) => inboundEvents().filter((event) => event.mail.messageId === messageId);
  return {
    ...service,
    smtpPort,
    database,
    rawClients,
    inboundEvents,
    inboundEventsWithMessageId,
    receiptCount: async () =>
      (await database.query<{ count: number }>('SELECT count(*)::int AS count FROM inbound_messages')).rows[0].count,
    waitForInboundEvent: (messageId, timeoutMs) =>
      eventually(() => {
        const found = inboundEventsWithMessageId(messageId);
        expect(found).toHaveLength(1);
        return found[0];
      }, timeoutMs),
    handled: (topic, key, event) => publishAndWaitHandled(service.kafka, database, topic, key, event),
    smtpTransport: (tls) => createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ...(tls ?? { ignoreTLS: true }) }),
    async close() {
      rawClients.destroyAll();
      await database.end();
      await service.close();
    },
  };
}
