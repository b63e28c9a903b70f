import { EmailInboundAcceptedV1, EmailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { agentToken } from '../../../../test/support/auth';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

describe('email-ingest makes mail durable before answering 250 and reads it after (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const send = (mail: { subject: string; to?: string; messageId?: string }) =>
    ingest.smtpTransport().sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: mail.to ?? 'help@helpgate.test',
      subject: mail.subject,
      text: 'Body of the message',
      messageId: mail.messageId,
    });

  /** Receipts of messages that were read: the Message-ID is known once the message was parsed, after the 250. */
  const storedReceipts = async (messageId: string) =>
    (
      await ingest.database.query<{ size_bytes: number }>(
        'SELECT r.size_bytes FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256 WHERE i.message_id = $1',
        [messageId],
      )
    ).rows;
  /** The receipt stored before the 250, by the id the 250 names. */
  const receiptOf = async (smtpResponse: string) =>
    (
      await ingest.database.query<{ envelope_from: string; envelope_to: string[]; helo_name: string; size_bytes: number }>(
        `SELECT i.envelope_from, i.envelope_to, i.helo_name, r.size_bytes FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256
         WHERE i.id = $1`,
        [/queued as ([0-9a-f-]{36})/.exec(smtpResponse)![1]],
      )
    ).rows;
  const acceptedRecords = (inboundMessageId: string) =>
    ingest.kafka
      .messages(Topics.EmailInboundAccepted)
      .filter((message) => (JSON.parse(message.value!) as EmailInboundAcceptedV1).message.inboundMessageId === inboundMessageId);

  /** Waits for a published event with this Message-ID, however many there are, and returns the first. */
  const firstInboundEvent = (messageId: string) =>
    eventually(() => {
      const [found] = ingest.inboundEventsWithMessageId(messageId);
      expect(found).toBeDefined();
      return found;
    });

  beforeAll(async () => {
    ingest = await startEmailIngest({
      SUPPORT_ADDRESSES: 'support@helpgate.test,Help@Helpgate.test',
      SMTP_MAX_MESSAGE_BYTES: '20000',
      // Shorter than the outage below, so that the reader sees its topic gone and created again.
      KAFKA_TOPIC_CHECK_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('stores the raw message with its envelope and has Kafka acknowledge it before the 250, then reads it and publishes the event keyed by sender', async () => {
    const info = await send({ subject: 'Durable', messageId: '<durable-1@acme.test>' });
    expect(info.response).toMatch(/^250 /);
    expect(await receiptOf(info.response)).toEqual([
      expect.objectContaining({ envelope_from: 'jane@acme.test', envelope_to: ['help@helpgate.test'], helo_name: expect.any(String) }),
    ]);
    const [acceptedRecord] = await eventually(() => {
      const found = acceptedRecords(/queued as ([0-9a-f-]{36})/.exec(info.response)![1]);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(JSON.parse(acceptedRecord.value!)).toMatchObject({
      message: { envelope: { mailFrom: 'jane@acme.test', rcptTo: ['help@helpgate.test'] }, supportAddress: 'help@helpgate.test' },
    });
    const [record] = await eventually(() => {
      const found = ingest.kafka
        .messages(Topics.EmailInboundReceived)
        .filter((message) => (JSON.parse(message.value!) as EmailInboundReceivedV2).mail.messageId === '<durable-1@acme.test>');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(record.key).toBe('jane@acme.test');
    const event = JSON.parse(record.value!) as EmailInboundReceivedV2;
    expect(event.mail).toMatchObject({
      subject: 'Durable',
      supportAddress: 'help@helpgate.test',
      from: { address: 'jane@acme.test', name: 'Jane Doe' },
    });
    expect(info.response).toContain(event.mail.inboundMessageId);
  });

  it('refuses a message over the size limit with 552 and keeps nothing', async () => {
    const receiptsBefore = await ingest.receiptCount();
    const big = ingest.smtpTransport().sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: 'Too big',
      text: 'x'.repeat(30_000),
      messageId: '<too-big@acme.test>',
    });
    await expect(big).rejects.toMatchObject({ responseCode: 552 });
    expect(await ingest.receiptCount()).toBe(receiptsBefore);
  });

  it('answers 451 and keeps nothing when Kafka cannot take the record; the resent message is accepted and read once', async () => {
    const receiptsBefore = await ingest.receiptCount();
    await ingest.kafka.deleteTopic(Topics.EmailInboundAccepted);
    await expect(send({ subject: 'During the outage', messageId: '<outage-1@acme.test>' })).rejects.toMatchObject({ responseCode: 451 });
    expect(await ingest.receiptCount()).toBe(receiptsBefore);

    await ingest.kafka.createTopic(Topics.EmailInboundAccepted);
    const info = await send({ subject: 'During the outage', messageId: '<outage-1@acme.test>' });
    expect(info.response).toMatch(/^250 /);
    // The resent record may reach the new topic at the offset the reader had reached in the deleted one, before
    // the reader fetches again: it is read because the reader is moved to the new topic's beginning.
    await ingest.waitForInboundEvent('<outage-1@acme.test>');
    expect(await storedReceipts('<outage-1@acme.test>')).toHaveLength(1);
  });

  it('takes a message sent again as it was (the retry after a 4xx) as the same inbound message: one receipt, one event', async () => {
    const raw = [
      'From: Jane Doe <jane@acme.test>',
      'To: support@helpgate.test',
      'Subject: Sent twice',
      'Message-ID: <twice-1@acme.test>',
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      '',
      'The same bytes, twice.',
      '',
    ].join('\r\n');
    const sendAsItWas = () => ingest.smtpTransport().sendMail({ envelope: { from: 'jane@acme.test', to: ['support@helpgate.test'] }, raw });

    const first = await sendAsItWas();
    const again = await sendAsItWas();
    expect(first.response).toMatch(/^250 /);
    expect(again.response).toBe(first.response);
    const event = await ingest.waitForInboundEvent('<twice-1@acme.test>');
    expect(first.response).toContain(event.mail.inboundMessageId);
    expect(await storedReceipts('<twice-1@acme.test>')).toHaveLength(1);
    // Acknowledged again, as the first record may be what a 4xx was given for; read once, by the record's event id.
    const records = await eventually(() => {
      const found = acceptedRecords(event.mail.inboundMessageId).map((record) => JSON.parse(record.value!) as EmailInboundAcceptedV1);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(records[1].eventId).toBe(records[0].eventId);
    const processed = await ingest.database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [records[0].eventId]);
    expect(processed.rows).toHaveLength(1);
    expect(ingest.inboundEventsWithMessageId('<twice-1@acme.test>')).toHaveLength(1);
  });

  it('accepts support addresses added at run time, with their category and plus-tagged forms, and refuses removed ones', async () => {
    const put = await ingest.fetch(`/support-addresses/Sales@Helpgate.test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ defaultCategory: 'Subscriptions' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ address: 'sales@helpgate.test', defaultCategory: 'Subscriptions' });
    const listed = (await (await ingest.fetch(`/support-addresses`)).json()) as { address: string }[];
    expect(listed.map((entry) => entry.address)).toEqual(['help@helpgate.test', 'sales@helpgate.test', 'support@helpgate.test']);

    await send({ subject: 'Plan change', to: 'sales+t42.abc@helpgate.test', messageId: '<sales-1@acme.test>' });
    const event = await firstInboundEvent('<sales-1@acme.test>');
    expect(event.mail).toMatchObject({ supportAddress: 'sales@helpgate.test', supportAddressCategory: 'Subscriptions' });

    expect((await ingest.fetch(`/support-addresses/sales@helpgate.test`, { method: 'DELETE' })).status).toBe(204);
    await expect(send({ subject: 'Too late', to: 'sales@helpgate.test' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await ingest.fetch(`/support-addresses/sales+x@helpgate.test`, { method: 'PUT', body: '{}' })).status).toBe(400);
  });

  it('lets agents read the support addresses and only admins change them', async () => {
    const asAgent = { authorization: `Bearer ${agentToken('agent')}` };
    expect((await ingest.fetch('/support-addresses', { headers: asAgent })).status).toBe(200);
    const put = await ingest.fetch('/support-addresses/billing@helpgate.test', {
      method: 'PUT',
      headers: { ...asAgent, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ code: 'auth.wrong_audience' });
    expect((await ingest.fetch('/support-addresses/support@helpgate.test', { method: 'DELETE', headers: asAgent })).status).toBe(403);
  });

  it('stores attachments once by sha256 and serves them, and the raw message, as downloads', async () => {
    const info = await ingest.smtpTransport().sendMail({
      from: 'jane@acme.test',
      to: 'support@helpgate.test',
      subject: 'With a screenshot',
      text: 'See attached.',
      messageId: '<attached-1@acme.test>',
      attachments: [{ filename: 'résumé <script>.html', content: '<script>alert(1)</script>', contentType: 'text/html' }],
    });
    const event = await firstInboundEvent('<attached-1@acme.test>');
    const [attachment] = event.mail.attachments;
    expect(attachment).toMatchObject({ filename: 'résumé <script>.html', contentType: 'text/html', sizeBytes: 25, inline: false });

    const download = await ingest.fetch(`/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('<script>alert(1)</script>');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    const raw = await ingest.fetch(`/inbound-messages/${event.mail.inboundMessageId}/raw`);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(await raw.text()).toContain('Subject: With a screenshot');
    expect(info.response).toContain(event.mail.inboundMessageId);
    expect((await ingest.fetch(`/attachments/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await ingest.fetch(`/attachments/not-a-hash`)).status).toBe(400);
  });
});
