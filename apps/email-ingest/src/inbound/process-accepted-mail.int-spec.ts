import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';
import { inboundIdsFor } from './inbound-message-id';

/**
 * Kafka acknowledges `email.inbound.accepted.v1` before the transaction that stored the message commits. These
 * specs stand in for that transaction with one of their own, to show what the reading side does either way.
 */
describe('reading accepted mail waits for its storing transaction (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;
  let storing: Client;

  const envelope = { mailFrom: 'jane@acme.test', rcptTo: ['support@helpgate.test'] };
  const rawMail = (messageId: string) =>
    Buffer.from(
      `From: Jane <jane@acme.test>\r\nTo: support@helpgate.test\r\nSubject: Stored ${messageId}\r\nMessage-ID: ${messageId}\r\n\r\nHello\r\n`,
    );
  const acceptedRecord = (raw: Buffer, storedInTransaction: string): EmailInboundAcceptedV1 => {
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const { inboundMessageId, acceptedEventId } = inboundIdsFor(sha256, envelope);
    return {
      eventId: acceptedEventId,
      occurredAt: new Date().toISOString(),
      message: {
        inboundMessageId,
        rawMessage: { sha256, sizeBytes: raw.length },
        envelope,
        session: { remoteAddress: '127.0.0.1', heloName: 'client.acme.test' },
        supportAddress: 'support@helpgate.test',
        receivedAt: new Date().toISOString(),
        storedInTransaction,
      },
    };
  };
  const produce = (record: EmailInboundAcceptedV1) =>
    ingest.kafka.produce(Topics.EmailInboundAccepted, [{ key: envelope.mailFrom, value: JSON.stringify(record) }]);
  const processed = async (eventId: string) =>
    (await ingest.database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [eventId])).rows.length;
  const databaseClock = async () => (await ingest.database.query<{ now: string }>('SELECT clock_timestamp()::text AS now')).rows[0].now;
  /** Whether the service asked Postgres about a storing transaction (txid_status) since the given time, on its own connections. */
  const askedForStoringSince = async (since: string) =>
    (
      await ingest.database.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND query LIKE '%txid_status%' AND query_start > $1::timestamptz`,
        [since],
      )
    ).rows.length > 0;

  beforeAll(async () => {
    ingest = await startEmailIngest();
    storing = new Client({ connectionString: databaseUrl(ingest.env.DATABASE_URL!, ingest.env.DATABASE_NAME!) });
    await storing.connect();
  });

  afterAll(async () => {
    await storing?.end();
    await ingest?.close();
  });

  it('reads a message whose storing transaction commits only after the record arrived', async () => {
    const messageId = `<late-commit-${Date.now()}@acme.test>`;
    const raw = rawMail(messageId);
    await storing.query('BEGIN');
    const [{ transaction }] = (await storing.query<{ transaction: string }>('SELECT txid_current()::text AS transaction')).rows;
    const record = acceptedRecord(raw, transaction);
    await storing.query('INSERT INTO raw_messages (sha256, size_bytes, content, first_received_at) VALUES ($1, $2, $3, now())', [
      record.message.rawMessage.sha256,
      raw.length,
      raw,
    ]);
    await storing.query(
      `INSERT INTO inbound_messages (id, raw_sha256, envelope_from, envelope_to, received_at) VALUES ($1, $2, $3, $4, now())`,
      [record.message.inboundMessageId, record.message.rawMessage.sha256, envelope.mailFrom, envelope.rcptTo],
    );
    const producedAt = await databaseClock();
    await produce(record);
    // The consumer took the record while the transaction is open once it asks how that transaction went: it must
    // wait for it then, not skip the record.
    await eventually(async () => expect(await askedForStoringSince(producedAt)).toBe(true));
    expect(await processed(record.eventId)).toBe(0);
    await storing.query('COMMIT');

    const event = await ingest.waitForInboundEvent(messageId);
    expect(event.mail.inboundMessageId).toBe(record.message.inboundMessageId);
    expect(await processed(record.eventId)).toBe(1);
  });

  it('skips the record of a storing that rolled back without recording it, and reads the message when it is sent again', async () => {
    const messageId = `<rolled-back-${Date.now()}@acme.test>`;
    const raw = rawMail(messageId);
    await storing.query('BEGIN');
    const [{ transaction }] = (await storing.query<{ transaction: string }>('SELECT txid_current()::text AS transaction')).rows;
    await storing.query('ROLLBACK');
    const record = acceptedRecord(raw, transaction);
    await produce(record);
    await eventually(async () =>
      expect(await ingest.kafka.hasConsumedAll(ingest.env.KAFKA_GROUP_ID!, [Topics.EmailInboundAccepted])).toBe(true),
    );
    expect(await processed(record.eventId)).toBe(0);

    const info = await ingest.smtpTransport().sendMail({ envelope: { from: envelope.mailFrom, to: envelope.rcptTo }, raw });
    expect(info.response).toContain(record.message.inboundMessageId);
    await ingest.waitForInboundEvent(messageId);
    expect(await processed(record.eventId)).toBe(1);
  });
});
