import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

const idleTimeoutMs = 1000;
const dataTimeoutMs = 6000;

describe('the SMTP session times out: idle between commands, stalled during DATA (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const inData = async (messageId: string) => {
    const { client } = await ingest.rawClients.greeted();
    expect((await client.command('MAIL FROM:<jane@acme.test>')).code).toBe(250);
    expect((await client.command('RCPT TO:<support@helpgate.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    await client.send(`From: jane@acme.test\r\nMessage-ID: ${messageId}\r\nSubject: Slow\r\n\r\nThe first half`);
    return client;
  };
  const storedCount = async (messageId: string) =>
    Number(
      (await ingest.database.query<{ count: string }>('SELECT count(*) FROM inbound_messages WHERE message_id = $1', [messageId])).rows[0]
        .count,
    );

  beforeAll(async () => {
    ingest = await startEmailIngest({ SMTP_IDLE_TIMEOUT_MS: String(idleTimeoutMs), SMTP_DATA_TIMEOUT_MS: String(dataTimeoutMs) });
  });

  afterEach(() => {
    ingest?.rawClients.destroyAll();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('closes a session that sends no command within the idle timeout, with 421', async () => {
    const { client } = await ingest.rawClients.greeted();
    expect((await client.reply()).code).toBe(421);
    await client.closed;
  });

  it('gives a message being received the longer DATA timeout: a pause past the idle timeout does not end it', async () => {
    const messageId = `<paused-${randomUUID()}@acme.test>`;
    const client = await inData(messageId);
    await sleep(idleTimeoutMs * 2.5);
    await client.send(', and the second.\r\n.\r\n');
    expect((await client.reply()).code).toBe(250);
    // Back between commands, the idle timeout applies again.
    expect((await client.reply()).code).toBe(421);
    await ingest.waitForInboundEvent(messageId);
  });

  it('closes a session whose message stalls for the DATA timeout with 421, and keeps nothing of it', async () => {
    const messageId = `<stalled-${randomUUID()}@acme.test>`;
    const client = await inData(messageId);
    expect((await client.reply()).code).toBe(421);
    await client.closed;

    // A later message from the same sender (same partition) arrives; the cut-off one never did.
    const laterMessageId = `<after-stall-${randomUUID()}@acme.test>`;
    await ingest.smtpTransport().sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: 'After the stall',
      text: 'Complete',
      messageId: laterMessageId,
    });
    await ingest.waitForInboundEvent(laterMessageId);
    expect(ingest.inboundEventsWithMessageId(messageId)).toHaveLength(0);
    expect(await storedCount(messageId)).toBe(0);
  });
});
