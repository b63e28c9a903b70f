import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport, SendMailOptions, SentMessageInfo, Transporter } from 'nodemailer';
import { ServiceName, services } from '../../scripts/lib/service-processes.cjs';
import { DedicatedKafka } from '../support/dedicated-kafka';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';

interface Page<Item> {
  items: Item[];
  total: number;
}
interface TicketSummary {
  id: string;
  subject: string;
}
interface TicketDetail extends TicketSummary {
  messages: { direction: string; mailMessageId: string | null }[];
}

// Long enough for every kafkajs client (producer, consumers, outbox relays) to run out of retries while the
// broker is away, which is when a service that does not cope with an outage would crash.
const OUTAGE_MS = 20_000;
const RECOVERY_TIMEOUT_MS = 60_000;

describe('never lose mail: the Kafka broker crashes and comes back while all four services run as processes', () => {
  let kafka: DedicatedKafka;
  let stack: Stack;
  let smtp: Transporter<SentMessageInfo>;

  const mailBeforeOutage: SendMailOptions = {
    from: 'before@outage.test',
    to: 'support@helpgate.test',
    subject: 'Before the outage',
    text: 'Sent while the broker was up.',
  };
  const mailDuringOutage: SendMailOptions = {
    from: 'during@outage.test',
    to: 'support@helpgate.test',
    subject: 'During the outage',
    text: 'Refused while the broker was down, then sent again.',
    messageId: '<during-the-outage@outage.test>',
  };

  const ticketsOf = (email: string) =>
    stack.getJson<Page<TicketSummary>>('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`);
  const contactsOf = (email: string) => stack.getJson<Page<unknown>>('identity', `/contacts?email=${encodeURIComponent(email)}`);
  const ticketDetail = (id: string) => stack.getJson<TicketDetail>('tickets', `/tickets/${id}`);

  /** Every service process still answers; one that exited would refuse the connection. */
  const expectEveryServiceRunning = async () => {
    const healthOf = (service: ServiceName) =>
      fetch(`${stack.url[service]}/health`).then(
        (response) => response.status,
        () => 'not answering',
      );
    const statuses = await Promise.all(services.map(async (service) => [service, await healthOf(service)]));
    expect(Object.fromEntries(statuses)).toEqual(Object.fromEntries(services.map((service) => [service, 200])));
  };

  /** Sends the mail again while email-ingest answers with a temporary refusal; any other answer ends the wait. */
  const sendUntilAccepted = async (mail: SendMailOptions): Promise<SentMessageInfo> => {
    const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
    for (;;) {
      try {
        return await smtp.sendMail(mail);
      } catch (error) {
        const { responseCode } = error as { responseCode?: number };
        const temporaryRefusal = responseCode !== undefined && responseCode >= 400 && responseCode < 500;
        if (!temporaryRefusal || Date.now() > deadline) throw error;
        await sleep(500);
      }
    }
  };

  beforeAll(async () => {
    kafka = await DedicatedKafka.start('outage');
    stack = await startStack({ brokers: kafka.brokers });
    smtp = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
  });

  afterAll(async () => {
    smtp?.close();
    try {
      // A test that failed during the outage leaves the broker down, and the stack needs it to delete its topics.
      await kafka?.restart();
      await stack?.cleanUp();
    } finally {
      await kafka?.remove();
    }
  });

  it('1. with the broker up, a mail is answered 250 and becomes a ticket', async () => {
    const info = await smtp.sendMail(mailBeforeOutage);
    expect(info.response).toMatch(/^250 /);
    await eventually(async () => expect((await ticketsOf('before@outage.test')).total).toBe(1));
  });

  it('2. with the broker killed, a mail is refused with 451, never 250, and every service keeps running', async () => {
    const outageEnds = Date.now() + OUTAGE_MS;
    await kafka.kill();

    await expect(smtp.sendMail(mailDuringOutage)).rejects.toMatchObject({
      responseCode: 451,
      response: expect.stringMatching(/^451 4\.3\.0 /),
    });

    do {
      await expectEveryServiceRunning();
      await sleep(1_000);
    } while (Date.now() < outageEnds);
  });

  it('3. once the broker is back, the same message is answered 250 and becomes exactly one ticket; nothing is duplicated', async () => {
    await kafka.restart();

    const info = await sendUntilAccepted(mailDuringOutage);
    expect(info.response).toMatch(/^250 /);

    await eventually(async () => expect((await ticketsOf('during@outage.test')).total).toBe(1), RECOVERY_TIMEOUT_MS, 500);
    await stack.waitUntilIdle();
    const [during] = (await ticketsOf('during@outage.test')).items;
    const inboundMessageIds = (await ticketDetail(during.id)).messages
      .filter((message) => message.direction === 'inbound')
      .map((message) => message.mailMessageId);
    expect(inboundMessageIds).toEqual([mailDuringOutage.messageId]);
    expect((await ticketsOf('during@outage.test')).total).toBe(1);
    expect((await ticketsOf('before@outage.test')).items).toEqual([expect.objectContaining({ subject: 'Before the outage' })]);
    expect((await contactsOf('during@outage.test')).total).toBe(1);
    expect((await contactsOf('before@outage.test')).total).toBe(1);
    await expectEveryServiceRunning();
  });

  it('4. every service stops cleanly on SIGTERM', async () => {
    expect(await stack.stop()).toEqual({ 'email-ingest': 0, identity: 0, tickets: 0, chat: 0 });
  });
});
