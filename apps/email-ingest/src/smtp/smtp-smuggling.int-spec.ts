import { randomUUID } from 'node:crypto';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

/** End-of-data look-alikes that lenient servers have taken for `<CR><LF>.<CR><LF>` (SMTP smuggling). */
const fakeEndsOfData = {
  '<LF>.<LF>': '\n.\n',
  '<LF>.<CR><LF>': '\n.\r\n',
  '<CR>.<CR>': '\r.\r',
  '<CR><LF>.<LF>': '\r\n.\n',
};

describe('SMTP smuggling and bare line breaks (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  /** Opens a session up to the 354 of DATA. */
  const inData = async () => {
    const { client } = await ingest.rawClients.greeted();
    expect((await client.command('MAIL FROM:<jane@acme.test>')).code).toBe(250);
    expect((await client.command('RCPT TO:<support@helpgate.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    return client;
  };
  /** The raw messages of read receipts with this Message-ID (a message is read after its 250). */
  const storedRaw = async (messageId: string): Promise<Buffer[]> =>
    (
      await ingest.database.query<{ content: Buffer }>(
        'SELECT r.content FROM inbound_messages i JOIN raw_messages r ON r.sha256 = i.raw_sha256 WHERE i.message_id = $1',
        [messageId],
      )
    ).rows.map((row) => row.content);

  beforeAll(async () => {
    ingest = await startEmailIngest();
  });

  afterEach(() => {
    ingest?.rawClients.destroyAll();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  describe.each(Object.entries(fakeEndsOfData))('%s inside DATA', (name, fakeEnd) => {
    it.each([
      ['in one write', false],
      ['one byte per write', true],
    ])('ends nothing early: one message, one 250, one event, the injected one is mere body text (%s)', async (_, bytewise) => {
      const messageId = `<carrier-${randomUUID()}@acme.test>`;
      const smuggledId = `<smuggled-${randomUUID()}@evil.test>`;
      const payload =
        `From: jane@acme.test\r\nTo: support@helpgate.test\r\nMessage-ID: ${messageId}\r\nSubject: Carrier ${name}\r\n\r\n` +
        `Hello${fakeEnd}` +
        'MAIL FROM:<mallory@evil.test>\r\nRCPT TO:<support@helpgate.test>\r\nDATA\r\n' +
        `From: ceo@acme.test\r\nTo: support@helpgate.test\r\nMessage-ID: ${smuggledId}\r\nSubject: Smuggled\r\n\r\nWire the money\r\n` +
        '.\r\n';
      const receiptsBefore = await ingest.receiptCount();
      const client = await inData();
      const pieces = bytewise ? [...Buffer.from(payload, 'latin1')].map((byte) => Buffer.from([byte])) : [payload];
      for (const piece of pieces) await client.send(piece);

      const dataReply = await client.reply();
      expect(dataReply.code).toBe(250);
      // Replies come in order: had the server seen a second transaction, its replies would come before the one to QUIT.
      expect((await client.command('QUIT')).code).toBe(221);

      const event = await ingest.waitForInboundEvent(messageId);
      expect(await ingest.receiptCount()).toBe(receiptsBefore + 1);
      expect(await storedRaw(smuggledId)).toHaveLength(0);
      const [raw] = await storedRaw(messageId);
      expect(raw.includes(Buffer.from(`Hello${fakeEnd}MAIL FROM:<mallory@evil.test>`, 'latin1'))).toBe(true);
      expect(ingest.inboundEventsWithMessageId(smuggledId)).toHaveLength(0);
      expect(event.mail.text).toContain('Wire the money');
    });
  });

  it.each([
    ['a bare LF', 'Subject: Hello\nBcc: victim@acme.test\r\n'],
    ['a bare CR', 'Subject: Hello\rX-Approved: yes\r\n'],
    ['an LF LF, where only a lenient parser sees the header section end', 'Subject: Hello\n\nX-Approved: yes\r\n'],
  ])('refuses a message whose header section has %s as a whole with 554 5.6.0, keeping nothing', async (_, header) => {
    const messageId = `<bare-in-header-${randomUUID()}@acme.test>`;
    const receiptsBefore = await ingest.receiptCount();
    const client = await inData();
    await client.send(`From: jane@acme.test\r\nMessage-ID: ${messageId}\r\n${header}\r\nBody\r\n.\r\n`);
    const reply = await client.reply();
    expect(reply.code).toBe(554);
    expect(reply.lines).toEqual(['5.6.0 Message refused: bare CR or LF in header']);
    expect((await client.command('QUIT')).code).toBe(221);
    expect(await ingest.receiptCount()).toBe(receiptsBefore);
    expect(ingest.inboundEventsWithMessageId(messageId)).toHaveLength(0);
  });

  it('accepts bare LF and CR in the body: the raw message is kept as received, its text is read with LF as a line end', async () => {
    const messageId = `<bare-in-body-${randomUUID()}@acme.test>`;
    const body = 'First line\nSecond line\r\nThird line\r';
    const client = await inData();
    await client.send(`From: jane@acme.test\r\nMessage-ID: ${messageId}\r\nSubject: Sloppy sender\r\n\r\n${body}\r\n.\r\n`);
    expect((await client.reply()).code).toBe(250);

    const event = await ingest.waitForInboundEvent(messageId);
    const [raw] = await storedRaw(messageId);
    expect(raw.includes(Buffer.from(`\r\n\r\n${body}\r\n`))).toBe(true);
    expect(event.mail.text).toMatch(/^First line\nSecond line\nThird line/);
  });
});
