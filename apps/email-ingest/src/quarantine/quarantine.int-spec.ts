import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

interface HeldPage {
  items: { inboundMessageId: string; reason: string; status: string; subject: string }[];
  total: number;
}

describe('email-ingest holds mail that must not flow on, and agents release or discard it (real SMTP, Postgres, Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const send = (from: string, subject: string, messageId?: string) =>
    ingest.smtpTransport().sendMail({
      from,
      to: 'support@helpgate.test',
      subject,
      text: 'Body',
      messageId,
    });
  const published = (subject: string) => ingest.inboundEvents().filter((event) => event.mail.subject === subject);
  const held = async (status = 'held') => (await (await ingest.fetch(`/quarantine?status=${status}`)).json()) as HeldPage;

  beforeAll(async () => {
    ingest = await startEmailIngest({ INBOUND_FLOOD_LIMIT: '3' });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('holds a sender past the flood limit instead of publishing, still answering 250', async () => {
    for (const index of [1, 2, 3]) expect((await send('flood@spam.test', `Flood ${index}`)).response).toMatch(/^250 /);
    expect((await send('flood@spam.test', 'Flood 4')).response).toMatch(/^250 /);
    // Mail is read after its 250, one sender's in the order it arrived.
    await eventually(async () =>
      expect((await held()).items).toEqual([expect.objectContaining({ reason: 'flood', status: 'held', subject: 'Flood 4' })]),
    );
    expect(published('Flood 3')).toHaveLength(1);
    expect(published('Flood 4')).toHaveLength(0);
  });

  it('holds our own Message-ID coming back as a loop', async () => {
    await send('robot@elsewhere.test', 'Loop', '<hg.abc@helpgate.test>');
    await eventually(async () => expect((await held()).items.map((item) => [item.subject, item.reason])).toContainEqual(['Loop', 'loop']));
  });

  it('lists one kind of held mail when asked, and refuses a kind it does not know', async () => {
    const ofKind = async (kind: string) => (await (await ingest.fetch(`/quarantine?kind=${kind}`)).json()) as HeldPage;
    expect((await ofKind('loop')).items.map((item) => [item.subject, item.reason])).toEqual([['Loop', 'loop']]);
    expect((await ofKind('flood')).items.map((item) => [item.subject, item.reason])).toEqual([['Flood 4', 'flood']]);
    expect((await ofKind('bounce')).total).toBe(0);
    expect((await ingest.fetch('/quarantine?kind=spam')).status).toBe(400);
  });

  it('releases a held message into the normal flow once, and discards another without losing its record', async () => {
    const { items } = await held();
    const flood = items.find((item) => item.subject === 'Flood 4')!;
    const loop = items.find((item) => item.subject === 'Loop')!;

    expect((await ingest.fetch(`/quarantine/${flood.inboundMessageId}/release`, { method: 'POST' })).status).toBe(204);
    await eventually(() => expect(published('Flood 4')).toHaveLength(1));
    expect(published('Flood 4')[0].mail.inboundMessageId).toBe(flood.inboundMessageId);
    expect((await ingest.fetch(`/quarantine/${flood.inboundMessageId}/release`, { method: 'POST' })).status).toBe(404);

    expect((await ingest.fetch(`/quarantine/${loop.inboundMessageId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await held()).total).toBe(0);
    expect((await held('deleted')).items.map((item) => item.subject)).toEqual(['Loop']);
    expect((await held('released')).items.map((item) => item.subject)).toEqual(['Flood 4']);
  });
});
