import { createHash, randomUUID } from 'node:crypto';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { outboundRequested } from '../../../../test/support/events';
import { eventually, freePort } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

/** Recipients that script the test relay: one is deferred twice before it is accepted, one does not exist. */
const deferredTwice = 'deferred@customer.test';
const unknownMailbox = 'nobody@customer.test';
/** Fewer sessions to the relay than the default, so the test sees the setting obeyed. */
const relayConnections = 2;

interface RelayedMessage {
  mailFrom: string | null;
  rcptTo: string[];
  /** The SMTP session that carried it. */
  sessionId: string;
  parsed: ParsedMail;
}

function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** The relay email-ingest sends through: a real SMTP server that keeps every message it accepts. */
class TestRelay {
  readonly accepted: RelayedMessage[] = [];
  private readonly dataAttempts = new Map<string, number>();
  private readonly recipientAttempts = new Map<string, number>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo: (address, _session, callback) => callback(this.answerRecipient(address)),
    onData: (stream, session, callback) => {
      this.answerMessage(stream, session).then((refusal) => callback(refusal), callback);
    },
  });

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  acceptedWithMessageId(messageId: string): RelayedMessage[] {
    return this.accepted.filter((message) => message.parsed.messageId === messageId);
  }

  messagesTried(messageId: string): number {
    return this.dataAttempts.get(messageId) ?? 0;
  }

  recipientTried(address: string): number {
    return this.recipientAttempts.get(address) ?? 0;
  }

  private answerRecipient({ address }: SMTPServerAddress): Error | null {
    this.recipientAttempts.set(address, this.recipientTried(address) + 1);
    return address === unknownMailbox ? smtpReply(550, `5.1.1 <${address}>: Recipient address rejected: User unknown`) : null;
  }

  private async answerMessage(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<Error | null> {
    const parsed = await simpleParser(stream);
    const messageId = parsed.messageId ?? '';
    this.dataAttempts.set(messageId, this.messagesTried(messageId) + 1);
    const rcptTo = session.envelope.rcptTo.map((recipient) => recipient.address);
    if (rcptTo.includes(deferredTwice) && this.messagesTried(messageId) <= 2) return smtpReply(451, '4.3.0 Try again later');
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
    this.accepted.push({ mailFrom, rcptTo, sessionId: session.id, parsed });
    return null;
  }
}

function addressesIn(field: AddressObject | AddressObject[] | undefined): (string | undefined)[] {
  return [field ?? []].flat().flatMap((group) => group.value.map((mailbox) => mailbox.address));
}

describe('email-ingest sends requested mail through the SMTP relay (real relay, Postgres and Kafka)', () => {
  let relay: TestRelay;
  let ingest: EmailIngestUnderTest;

  beforeAll(async () => {
    const relayPort = await freePort();
    relay = new TestRelay();
    await relay.listen(relayPort);
    ingest = await startEmailIngest({
      SMTP_RELAY_URL: `smtp://127.0.0.1:${relayPort}`,
      SMTP_RELAY_CONNECTIONS: String(relayConnections),
      OUTBOUND_RETRY_BASE_MS: '200',
    });
    await ingest.kafka.record(Topics.EmailOutboundDelivered, Topics.EmailOutboundFailed);
  });

  afterAll(async () => {
    await ingest?.close();
    await relay?.close();
  });

  /** Publishes under one key, so the requests reach one partition and are consumed in this order. */
  async function publish(...requests: EmailOutboundRequestedV1[]): Promise<void> {
    const key = requests[0].mail.requestId;
    await ingest.kafka.produce(
      Topics.EmailOutboundRequested,
      requests.map((request) => ({ key, value: JSON.stringify(request) })),
    );
  }

  const deliveredEvents = (requestId: string) =>
    ingest.kafka.events<EmailOutboundDeliveredV1>(Topics.EmailOutboundDelivered).filter((event) => event.requestId === requestId);

  const failedEvents = (requestId: string) =>
    ingest.kafka.events<EmailOutboundFailedV1>(Topics.EmailOutboundFailed).filter((event) => event.requestId === requestId);

  async function delivered(request: EmailOutboundRequestedV1): Promise<EmailOutboundDeliveredV1> {
    return eventually(() => {
      const events = deliveredEvents(request.mail.requestId);
      expect(events).toHaveLength(1);
      return events[0];
    }, 30_000);
  }

  function relayedOnce(request: EmailOutboundRequestedV1): ParsedMail {
    return acceptedOnce(request).parsed;
  }

  function acceptedOnce(request: EmailOutboundRequestedV1): RelayedMessage {
    const messages = relay.acceptedWithMessageId(request.mail.messageId);
    expect(messages).toHaveLength(1);
    return messages[0];
  }

  async function storedDelivery(requestId: string): Promise<{ status: string; attempts: number }> {
    const { rows } = await ingest.database.query('SELECT status, attempts FROM outbound_deliveries WHERE request_id = $1', [requestId]);
    expect(rows).toHaveLength(1);
    return rows[0] as { status: string; attempts: number };
  }

  it('sends a reply with its Message-ID and threading headers, not marked automatic, then announces the delivery', async () => {
    const ticketId = randomUUID();
    const request = outboundRequested({
      ticketId,
      replyTo: { address: 'support+t1.abc@helpgate.test' },
      cc: [{ address: 'bob@acme.test' }],
      html: '<p>Please try again now.</p>',
      inReplyTo: '<question-2@acme.test>',
      references: ['<question-1@acme.test>', '<question-2@acme.test>'],
    });
    await publish(request);

    expect(await delivered(request)).toMatchObject({
      messageId: request.mail.messageId,
      kind: 'reply',
      ticketId,
      acceptedRecipients: ['jane@acme.test', 'bob@acme.test'],
      relayResponse: expect.stringMatching(/^250 /),
    });
    const [envelope] = relay.acceptedWithMessageId(request.mail.messageId);
    expect(envelope).toMatchObject({ mailFrom: 'support@helpgate.test', rcptTo: ['jane@acme.test', 'bob@acme.test'] });
    const mail = relayedOnce(request);
    expect(mail.from?.value).toEqual([{ address: 'support@helpgate.test', name: 'Helpgate Support' }]);
    expect(addressesIn(mail.to)).toEqual(['jane@acme.test']);
    expect(addressesIn(mail.cc)).toEqual(['bob@acme.test']);
    expect(addressesIn(mail.replyTo)).toEqual(['support+t1.abc@helpgate.test']);
    expect(mail.subject).toBe('Re: Cannot sign in');
    expect(mail.messageId).toBe(request.mail.messageId);
    expect(mail.inReplyTo).toBe('<question-2@acme.test>');
    expect(mail.references).toEqual(['<question-1@acme.test>', '<question-2@acme.test>']);
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.headers.has('x-auto-response-suppress')).toBe(false);
    expect(mail.text?.trim()).toBe('Please try again now.');
    expect(mail.html).toContain('<p>Please try again now.</p>');
    expect(await storedDelivery(request.mail.requestId)).toEqual({ status: 'delivered', attempts: 1 });
  });

  it('marks an acknowledgement as an automatic reply', async () => {
    const request = outboundRequested({ kind: 'acknowledgement', autoSubmitted: 'auto-replied', subject: '[#1] Cannot sign in' });
    await publish(request);

    await delivered(request);
    const mail = relayedOnce(request);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
  });

  it('sends a burst of acknowledgements over no more sessions than SMTP_RELAY_CONNECTIONS', async () => {
    const requests = Array.from({ length: 200 }, () => outboundRequested({ kind: 'acknowledgement', autoSubmitted: 'auto-replied' }));
    await publish(...requests);

    await eventually(
      () => expect(requests.filter((request) => deliveredEvents(request.mail.requestId).length === 1)).toHaveLength(200),
      60_000,
    );
    const sessions = new Set(requests.map((request) => acceptedOnce(request).sessionId));
    expect(sessions.size).toBeLessThanOrEqual(relayConnections);
  });

  it('sends a request published more than once a single time', async () => {
    const request = outboundRequested();
    const sameRequestInAnotherEvent = { ...request, eventId: randomUUID() };
    const marker = outboundRequested();
    await publish(request, request, sameRequestInAnotherEvent, marker);

    // The marker comes after the copies on the same partition: once it is sent, every copy was consumed.
    await delivered(marker);
    await delivered(request);
    relayedOnce(request);
    expect(await storedDelivery(request.mail.requestId)).toEqual({ status: 'delivered', attempts: 1 });
  });

  it('retries a temporarily refused mail until the relay accepts it, and delivers it once', async () => {
    const request = outboundRequested({ to: [{ address: deferredTwice }] });
    await publish(request);

    expect(await delivered(request)).toMatchObject({ acceptedRecipients: [deferredTwice] });
    expect(relay.messagesTried(request.mail.messageId)).toBe(3);
    relayedOnce(request);
    expect(failedEvents(request.mail.requestId)).toHaveLength(0);
    expect(await storedDelivery(request.mail.requestId)).toEqual({ status: 'delivered', attempts: 3 });
  });

  it('reports a permanently refused mail as failed at once, with the relay reply, and never retries it', async () => {
    const request = outboundRequested({ to: [{ address: unknownMailbox }] });
    await publish(request);

    const failed = await eventually(() => {
      const events = failedEvents(request.mail.requestId);
      expect(events).toHaveLength(1);
      return events[0];
    }, 30_000);
    expect(failed).toMatchObject({
      messageId: request.mail.messageId,
      source: 'relay',
      permanent: true,
      recipients: [unknownMailbox],
      status: '5.1.1',
      error: expect.stringMatching(/^550 5\.1\.1 <nobody@customer\.test>: Recipient address rejected/),
    });
    expect(await storedDelivery(request.mail.requestId)).toEqual({ status: 'failed', attempts: 1 });
    expect(relay.recipientTried(unknownMailbox)).toBe(1);
    expect(deliveredEvents(request.mail.requestId)).toHaveLength(0);
  });

  it('attaches a stored attachment by its id', async () => {
    const content = Buffer.from('%PDF-1.4 invoice 42');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await ingest.database.query(
      'INSERT INTO attachments (sha256, size_bytes, content_type, filename, content) VALUES ($1, $2, $3, $4, $5)',
      [sha256, content.length, 'application/pdf', 'invoice-42.pdf', content],
    );
    const request = outboundRequested({ attachmentIds: [sha256] });
    await publish(request);

    await delivered(request);
    const [attachment, ...others] = relayedOnce(request).attachments;
    expect(others).toHaveLength(0);
    expect(attachment).toMatchObject({ filename: 'invoice-42.pdf', contentType: 'application/pdf' });
    expect(attachment.content.equals(content)).toBe(true);
  });
});
