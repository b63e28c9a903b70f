import { deadLetterTopicOf, Topics } from '@helpgate/contracts';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  eventId?: string;
  replays: { replayedBy: string }[];
  value?: string;
  headers?: Record<string, string>;
}

const acceptedTopic = Topics.EmailInboundAccepted;

describe('dead letters of email-ingest: listed, inspected, replayed, counted, and the unread mail held as processing-failed (real SMTP, Postgres, Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const send = (subject: string, messageId: string) =>
    ingest.smtpTransport().sendMail({ from: 'jane@acme.test', to: 'support@helpgate.test', subject, text: 'Body', messageId });
  const deadLetters = async () =>
    (await (await ingest.fetch(`/dead-letters?topic=${acceptedTopic}`)).json()) as { items: DeadLetter[]; total: number };
  const heldProcessingFailed = async () =>
    (
      (await (await ingest.fetch('/quarantine')).json()) as { items: { inboundMessageId: string; reason: string; detail?: string }[] }
    ).items.filter((item) => item.reason === 'processing-failed');
  const caughtUp = () =>
    eventually(async () => expect(await ingest.kafka.hasConsumedAll(ingest.env.KAFKA_GROUP_ID!, [acceptedTopic])).toBe(true));

  beforeAll(async () => {
    ingest = await startEmailIngest({ KAFKA_MAX_HANDLER_ATTEMPTS: '2', KAFKA_DEAD_LETTER_DEPTH_INTERVAL_MS: '200' });
    // Every reading fails while the processed-events ledger is away, as a defect would make it.
    await ingest.database.query('ALTER TABLE processed_events RENAME TO processed_events_away');
    expect((await send('Replayed', '<replayed@acme.test>')).response).toMatch(/^250 /);
    expect((await send('Released', '<released@acme.test>')).response).toMatch(/^250 /);
    await eventually(async () => expect(await heldProcessingFailed()).toHaveLength(2));
    await ingest.database.query('ALTER TABLE processed_events_away RENAME TO processed_events');
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('holds each accepted mail whose reading was dead-lettered in quarantine as processing-failed, with the reason', async () => {
    const held = await heldProcessingFailed();
    expect(held.map((item) => item.detail)).toEqual([expect.stringMatching(/processed_events/), expect.stringMatching(/processed_events/)]);
    const counts = (await (await ingest.fetch('/quarantine/counts')).json()) as { kinds: Record<string, number> };
    expect(counts.kinds['processing-failed']).toBe(2);
    expect(ingest.inboundEvents()).toHaveLength(0);
  });

  it('lists the dead letters of a consumed topic and shows one with its payload and headers', async () => {
    const { items, total } = await deadLetters();
    expect(total).toBe(2);
    expect(items).toEqual([
      expect.objectContaining({ topic: acceptedTopic, reason: expect.stringMatching(/^failed after 2 attempts/), replays: [] }),
      expect.objectContaining({ topic: acceptedTopic, replays: [] }),
    ]);
    const [first] = items;
    const shown = (await (await ingest.fetch(`/dead-letters/${acceptedTopic}/${first.partition}/${first.offset}`)).json()) as DeadLetter;
    expect(shown).toEqual(expect.objectContaining({ offset: first.offset, eventId: first.eventId }));
    expect(JSON.parse(shown.value!)).toEqual(expect.objectContaining({ eventId: first.eventId }));
    expect(shown.headers!['dlq-consumer-group']).toBe(ingest.env.KAFKA_GROUP_ID);
  });

  it('refuses topics the service does not consume and dead letters that are not there, with the error codes', async () => {
    const unknownTopic = await ingest.fetch(`/dead-letters?topic=${Topics.TicketsTicketChanged}`);
    expect(unknownTopic.status).toBe(404);
    expect(await unknownTopic.json()).toEqual(expect.objectContaining({ code: 'dead_letter.unknown_topic' }));
    const missing = await ingest.fetch(`/dead-letters/${acceptedTopic}/0/999999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(expect.objectContaining({ code: 'dead_letter.not_found' }));
    expect((await ingest.fetch('/dead-letters', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
  });

  it('shows the depth of each dead-letter topic it owns on /metrics', async () => {
    await eventually(async () => {
      const metrics = await (await ingest.fetch('/metrics')).text();
      expect(metrics).toContain(`helpgate_dead_letter_depth{topic="${deadLetterTopicOf(acceptedTopic)}"} 2`);
      expect(metrics).toContain(`helpgate_dead_letter_depth{topic="${deadLetterTopicOf(Topics.EmailOutboundRequested)}"} 0`);
    });
  });

  it('replays a dead letter: the mail is read once, a second replay changes nothing, and both replays are recorded', async () => {
    const [replayed] = (await deadLetters()).items;
    const shown = (await (
      await ingest.fetch(`/dead-letters/${acceptedTopic}/${replayed.partition}/${replayed.offset}`)
    ).json()) as DeadLetter;
    const messageIdOf = (value: string) => (JSON.parse(value) as { message: { inboundMessageId: string } }).message.inboundMessageId;
    const inboundMessageId = messageIdOf(shown.value!);
    const replay = () => ingest.fetch(`/dead-letters/${acceptedTopic}/${replayed.partition}/${replayed.offset}/replay`, { method: 'POST' });

    const first = await replay();
    expect(first.status).toBe(200);
    expect(((await first.json()) as DeadLetter).replays).toEqual([
      { replayedBy: expect.stringMatching(/^agent:/), replayedAt: expect.any(String) },
    ]);
    await eventually(() =>
      expect(ingest.inboundEvents().filter((event) => event.mail.inboundMessageId === inboundMessageId)).toHaveLength(1),
    );

    expect(((await (await replay()).json()) as DeadLetter).replays).toHaveLength(2);
    await caughtUp();
    expect(ingest.inboundEvents().filter((event) => event.mail.inboundMessageId === inboundMessageId)).toHaveLength(1);
    expect((await deadLetters()).total).toBe(2);
  });

  it('releasing a processing-failed mail reads it again', async () => {
    const readAlready = new Set(ingest.inboundEvents().map((event) => event.mail.inboundMessageId));
    const waiting = (await heldProcessingFailed()).find((item) => !readAlready.has(item.inboundMessageId))!;
    expect((await ingest.fetch(`/quarantine/${waiting.inboundMessageId}/release`, { method: 'POST' })).status).toBe(204);
    await eventually(() =>
      expect(ingest.inboundEvents().filter((event) => event.mail.inboundMessageId === waiting.inboundMessageId)).toHaveLength(1),
    );
    expect(ingest.inboundEvents().find((event) => event.mail.inboundMessageId === waiting.inboundMessageId)!.mail.subject).toBe('Released');
  });
});
