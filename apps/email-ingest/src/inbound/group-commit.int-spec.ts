import { Client } from 'pg';
import { EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';
import { commitLimits } from './accept-inbound-mail.use-case';

/** The record Kafka must acknowledge before the 250. */
const acknowledgedTopic = Topics.EmailInboundAccepted;

describe('mails finishing DATA together share one commit (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;
  /** A second connection that holds a lock on the receipts table, so the commits of the first mails wait while others arrive. */
  let blocker: Client;

  const send = (messageId: string) =>
    ingest.smtpTransport().sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: `Together ${messageId}`,
      text: 'One of several mails arriving at once',
      messageId,
    });

  /** The receipts of read messages, with the transaction that stored their raw message (receipts are updated once read). */
  const receipts = async (messageIds: string[]) =>
    (
      await ingest.database.query<{ message_id: string; tx: string }>(
        `SELECT i.message_id, r.xmin::text AS tx FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256
         WHERE i.message_id = ANY($1::text[])`,
        [messageIds],
      )
    ).rows;
  const mailsAwaitingStorage = async () =>
    Number(/^helpgate_smtp_mails_awaiting_storage (\d+)$/m.exec(await (await ingest.fetch('/metrics')).text())?.[1]);

  /**
   * Sends the first mails, one per commit slot, with the receipts table locked, waits until each of their commits
   * blocks on the lock, then sends the rest.
   */
  const sendWhileFirstCommitsWait = async (messageIds: string[], beforeUnlock: () => Promise<void> = async () => undefined) => {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE inbound_messages IN SHARE MODE');
    const first: ReturnType<typeof send>[] = [];
    for (const messageId of messageIds.slice(0, commitLimits.maxInFlight)) {
      first.push(send(messageId));
      // Asked on another connection: inside a transaction, Postgres keeps showing the activity it saw first.
      await eventually(async () => {
        const { rows } = await ingest.database.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO inbound_messages%'`,
        );
        expect(rows).toHaveLength(first.length);
      });
    }
    const rest = messageIds.slice(commitLimits.maxInFlight).map(send);
    // The rest have finished DATA and queue behind the blocked commit once every mail waits for storage; the lock keeps
    // that commit waiting meanwhile.
    await eventually(async () => expect(await mailsAwaitingStorage()).toBe(messageIds.length));
    await beforeUnlock();
    await blocker.query('ROLLBACK');
    return Promise.allSettled([...first, ...rest]);
  };

  beforeAll(async () => {
    ingest = await startEmailIngest({ SMTP_MAX_CONNECTIONS_PER_CLIENT: '50' });
    blocker = new Client({ connectionString: databaseUrl(ingest.env.DATABASE_URL!, ingest.env.DATABASE_NAME!) });
    await blocker.connect();
  });

  afterAll(async () => {
    await blocker?.end();
    await ingest?.close();
  });

  it('stores and publishes each of the waiting mails once, in one transaction, and answers each 250 with its own id', async () => {
    const messageIds = Array.from({ length: commitLimits.maxInFlight + 7 }, (_, index) => `<together-${index}-${Date.now()}@acme.test>`);
    const outcomes = await sendWhileFirstCommitsWait(messageIds);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(messageIds.map(() => 'fulfilled'));
    for (const messageId of messageIds) await ingest.waitForInboundEvent(messageId);
    const stored = await receipts(messageIds);
    expect(stored.map((row) => row.message_id).sort()).toEqual([...messageIds].sort());
    const transactionOf = new Map(stored.map((row) => [row.message_id, row.tx]));
    const firstTransactions = new Set(messageIds.slice(0, commitLimits.maxInFlight).map((messageId) => transactionOf.get(messageId)));
    const laterTransactions = new Set(messageIds.slice(commitLimits.maxInFlight).map((messageId) => transactionOf.get(messageId)));
    expect(firstTransactions.size).toBe(commitLimits.maxInFlight);
    expect(laterTransactions.size).toBe(1);
    expect(firstTransactions.has([...laterTransactions][0])).toBe(false);

    for (const [index, messageId] of messageIds.entries()) {
      const event = await ingest.waitForInboundEvent(messageId);
      const reply = (outcomes[index] as PromiseFulfilledResult<{ response: string }>).value.response;
      expect(reply).toMatch(new RegExp(`^250 .*${event.mail.inboundMessageId}`));
    }
    const inboundMessageIds = ingest
      .inboundEvents()
      .filter((event) => messageIds.includes(event.mail.messageId))
      .map((event) => event.mail.inboundMessageId);
    const acknowledged = ingest.kafka
      .messages(acknowledgedTopic)
      .map((message) => JSON.parse(message.value!) as EmailInboundAcceptedV1)
      .filter((record) => inboundMessageIds.includes(record.message.inboundMessageId));
    expect(acknowledged).toHaveLength(messageIds.length);
  });

  it('answers 451 to every mail of a batch whose publish fails and keeps none of them; sent again, each is stored once', async () => {
    const messageIds = Array.from(
      { length: commitLimits.maxInFlight + 5 },
      (_, index) => `<failed-together-${index}-${Date.now()}@acme.test>`,
    );
    const receiptsBefore = await ingest.receiptCount();
    const outcomes = await sendWhileFirstCommitsWait(messageIds, () => ingest.kafka.deleteTopic(acknowledgedTopic));

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ responseCode: 451 });
    }
    expect(await ingest.receiptCount()).toBe(receiptsBefore);

    await ingest.kafka.createTopic(acknowledgedTopic);
    const resent = await Promise.all(messageIds.map(send));
    for (const info of resent) expect(info.response).toMatch(/^250 /);
    for (const messageId of messageIds) await ingest.waitForInboundEvent(messageId);
    expect(await ingest.receiptCount()).toBe(receiptsBefore + messageIds.length);
    const stored = await receipts(messageIds);
    expect(stored.map((row) => row.message_id).sort()).toEqual([...messageIds].sort());
  });
});
