import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

// Linux routes all of 127.0.0.0/8 to the loopback interface, so each test is its own client address.
const clientAddress = (host: number) => `127.0.0.${host}`;

describe('the SMTP session: extensions and limits per client address (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const greeted = (localAddress: string) => ingest.rawClients.greeted(localAddress);

  beforeAll(async () => {
    ingest = await startEmailIngest({
      SMTP_MAX_MESSAGE_BYTES: '100000',
      SMTP_MAX_CONNECTIONS_PER_CLIENT: '2',
      SMTP_MAX_MESSAGES_PER_MINUTE_PER_CLIENT: '3',
    });
  });

  afterEach(() => {
    ingest?.rawClients.destroyAll();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('advertises SIZE with the limit, PIPELINING, 8BITMIME and SMTPUTF8, and no STARTTLS without a certificate', async () => {
    const { ehlo } = await greeted(clientAddress(10));
    expect(ehlo.code).toBe(250);
    expect(ehlo.lines).toEqual(expect.arrayContaining(['PIPELINING', '8BITMIME', 'SMTPUTF8', 'SIZE 100000']));
    expect(ehlo.lines).not.toContain('STARTTLS');

    const requiringTls = ingest.smtpTransport({ requireTLS: true });
    await expect(
      requiringTls.sendMail({ from: 'jane@acme.test', to: 'support@helpgate.test', subject: 'Needs TLS', text: 'x' }),
    ).rejects.toThrow(/STARTTLS/);
  });

  it('refuses a MAIL FROM whose declared SIZE is over the limit with 552', async () => {
    const { client } = await greeted(clientAddress(11));
    const reply = await client.command('MAIL FROM:<jane@acme.test> SIZE=100001');
    expect(reply.code).toBe(552);
  });

  it('answers pipelined commands in order, each on its own', async () => {
    const { client } = await greeted(clientAddress(12));
    const messageId = `<pipelined-${randomUUID()}@acme.test>`;
    await client.send('MAIL FROM:<jane@acme.test>\r\nRCPT TO:<nobody@elsewhere.test>\r\nRCPT TO:<support@helpgate.test>\r\nDATA\r\n');
    const codes = [await client.reply(), await client.reply(), await client.reply(), await client.reply()].map((reply) => reply.code);
    expect(codes).toEqual([250, 550, 250, 354]);
    await client.send(`From: jane@acme.test\r\nMessage-ID: ${messageId}\r\nSubject: Pipelined\r\n\r\nHello\r\n.\r\nQUIT\r\n`);
    expect((await client.reply()).code).toBe(250);
    expect((await client.reply()).code).toBe(221);
    await ingest.waitForInboundEvent(messageId);
  });

  it('accepts an 8-bit body with BODY=8BITMIME and UTF-8 addresses with SMTPUTF8', async () => {
    const { client } = await greeted(clientAddress(13));
    const messageId = `<utf8-${randomUUID()}@acme.test>`;
    expect((await client.command('MAIL FROM:<jöran@acme.test> BODY=8BITMIME SMTPUTF8')).code).toBe(250);
    expect((await client.command('RCPT TO:<support@helpgate.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    await client.send(
      Buffer.from(
        'From: Jöran Müller <jöran@acme.test>\r\n' +
          `Message-ID: ${messageId}\r\n` +
          'Subject: Grüße\r\n' +
          'Content-Type: text/plain; charset=utf-8\r\n' +
          'Content-Transfer-Encoding: 8bit\r\n\r\n' +
          'Grüße aus Köln\r\n.\r\n',
        'utf8',
      ),
    );
    expect((await client.reply()).code).toBe(250);

    const event = await ingest.waitForInboundEvent(messageId);
    expect(event.mail).toMatchObject({ from: { address: 'jöran@acme.test', name: 'Jöran Müller' }, subject: 'Grüße' });
    expect(event.mail.text).toContain('Grüße aus Köln');
    const stored = await ingest.database.query('SELECT envelope_from FROM inbound_messages WHERE message_id = $1', [messageId]);
    expect(stored.rows).toEqual([{ envelope_from: 'jöran@acme.test' }]);
  });

  it('refuses a connection over the limit of one address with 421 4.7.0 and closes it, serves other addresses, and admits again once a session ends', async () => {
    const busyAddress = clientAddress(20);
    const { client: first } = await greeted(busyAddress);
    await greeted(busyAddress);

    const overLimit = await ingest.rawClients.opened(busyAddress);
    const refusal = await overLimit.reply();
    expect(refusal.code).toBe(421);
    expect(refusal.lines[0]).toMatch(/^4\.7\.0 /);
    await overLimit.closed;

    expect((await greeted(clientAddress(21))).ehlo.code).toBe(250);

    expect((await first.command('QUIT')).code).toBe(221);
    await first.closed;
    await eventually(async () => expect((await greeted(busyAddress)).ehlo.code).toBe(250));
  });

  it('answers MAIL FROM with 450 4.7.1 once an address has started its messages of the minute, and not other addresses', async () => {
    const busyAddress = clientAddress(30);
    const { client } = await greeted(busyAddress);
    for (let message = 0; message < 3; message++) {
      expect((await client.command('MAIL FROM:<jane@acme.test>')).code).toBe(250);
      expect((await client.command('RSET')).code).toBe(250);
    }
    const refusal = await client.command('MAIL FROM:<jane@acme.test>');
    expect(refusal.code).toBe(450);
    expect(refusal.lines[0]).toMatch(/^4\.7\.1 /);

    const { client: other } = await greeted(clientAddress(31));
    expect((await other.command('MAIL FROM:<jane@acme.test>')).code).toBe(250);
  });
});
