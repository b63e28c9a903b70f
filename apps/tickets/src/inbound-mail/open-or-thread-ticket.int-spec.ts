import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InboundMail, Requester, TicketsTicketChangedV3, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { inboundMail, requesterResolved } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { ThreadTokens } from '../domain/thread-tokens';
import { ticketsServiceDefinition } from '../tickets.definition';
import { acknowledgementsOf, ticketsOfRequester, waitForTicketsOf } from '../../test/tickets-under-test';

interface TicketView {
  id: string;
  number: number;
  subject: string;
  status: string;
  category: { department: string; feature: string | null } | null;
  linkedTicket: { id: string; kind: string } | null;
  requester: { email: string };
  organization: { name: string };
  ccs: { email: string }[];
  messages: {
    bodyText: string;
    fullText: string | null;
    visibility: string;
    direction: string;
    author: { kind: string };
    mailMessageId: string;
    delivery: { status: string } | null;
  }[];
}

const threadSecret = 'integration-test-thread-secret-000000000';

describe('tickets turns resolved mail into tickets and threads replies (real Postgres and Kafka)', () => {
  let tickets: ServiceInProcess;
  let database: Client;
  const organizationId = randomUUID();
  const tokens = new ThreadTokens(threadSecret);

  function requester(email: string): Requester {
    return { contactId: randomUUID(), email, name: email.split('@')[0], organizationId, organizationName: 'Acme' };
  }

  async function deliver(mail: InboundMail, from: Requester): Promise<string> {
    const event = requesterResolved(mail, from);
    await tickets.kafka.produce(Topics.IdentityRequesterResolved, [{ key: from.contactId, value: JSON.stringify(event) }]);
    return event.eventId;
  }

  async function waitUntilProcessed(eventId: string): Promise<void> {
    await eventually(async () =>
      expect((await database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [eventId])).rowCount).toBe(1),
    );
  }

  const ticketsOf = (email: string) => ticketsOfRequester<TicketView>(tickets, email);
  const waitForTickets = (email: string, count: number) => waitForTicketsOf<TicketView>(tickets, email, count);
  const acknowledgementsTo = (email: string) => acknowledgementsOf(tickets, email);

  beforeAll(async () => {
    tickets = await startServiceInProcess(ticketsServiceDefinition, { TICKETS_THREAD_SECRET: threadSecret, TICKETS_AUTO_REPLY_LIMIT: '3' });
    database = new Client({ connectionString: databaseUrl(tickets.env.DATABASE_URL!, tickets.env.DATABASE_NAME!) });
    await database.connect();
    await tickets.kafka.record(Topics.TicketsTicketChanged, Topics.EmailOutboundRequested);
  });

  afterAll(async () => {
    await database?.end();
    await tickets?.close();
  });

  it('opens a ticket with subject, body, category, requester and organization, and announces it', async () => {
    const jane = requester('jane@acme.test');
    const mail = inboundMail({
      from: { address: jane.email },
      subject: 'Cannot sign in',
      text: 'The page spins forever.',
      supportAddressCategory: 'Single sign-on',
    });
    await deliver(mail, jane);
    const [ticket] = await waitForTickets(jane.email, 1);
    expect(ticket).toMatchObject({
      subject: 'Cannot sign in',
      status: 'new',
      category: expect.objectContaining({ department: 'Single sign-on', feature: null }),
      linkedTicket: null,
      requester: { email: 'jane@acme.test' },
      organization: { name: 'Acme' },
    });
    expect(ticket.messages[0]).toMatchObject({ bodyText: 'The page spins forever.', mailMessageId: mail.messageId, direction: 'inbound' });
    await eventually(() =>
      expect(tickets.kafka.events<TicketsTicketChangedV3>(Topics.TicketsTicketChanged)).toContainEqual(
        expect.objectContaining({ change: 'created', ticket: expect.objectContaining({ id: ticket.id, number: ticket.number }) }),
      ),
    );
  });

  it('acknowledges a new ticket by mail, threaded to the customer mail, with a signed Message-ID and reply address', async () => {
    const ann = requester('ann@acme.test');
    const mail = inboundMail({ from: { address: ann.email }, subject: 'Export broken', references: ['<older@acme.test>'] });
    await deliver(mail, ann);
    const [ticket] = await waitForTickets(ann.email, 1);
    const [acknowledgement] = await eventually(() => {
      const found = acknowledgementsTo(ann.email);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(acknowledgement.mail).toMatchObject({
      from: { address: 'support@helpgate.test' },
      subject: `[#${ticket.number}] Re: Export broken`,
      inReplyTo: mail.messageId,
      references: ['<older@acme.test>', mail.messageId],
      autoSubmitted: 'auto-replied',
      ticketId: ticket.id,
    });
    expect(tokens.ticketOfMessageId(acknowledgement.mail.messageId)).toBe(ticket.id);
    expect(tokens.ticketOfReplyAddress(acknowledgement.mail.replyTo!.address)).toBe(ticket.id);
    expect(ticket.messages[1]).toMatchObject({
      direction: 'outbound',
      author: { kind: 'system' },
      mailMessageId: acknowledgement.mail.messageId,
      delivery: { status: 'queued' },
    });

    await tickets.kafka.produce(Topics.EmailOutboundDelivered, [
      {
        value: JSON.stringify({
          eventId: randomUUID(),
          occurredAt: new Date().toISOString(),
          requestId: acknowledgement.mail.requestId,
          messageId: acknowledgement.mail.messageId,
          kind: 'acknowledgement',
          ticketId: ticket.id,
          acceptedRecipients: [ann.email],
          relayResponse: '250 2.0.0 Ok',
          deliveredAt: new Date().toISOString(),
        }),
      },
    ]);
    await eventually(async () =>
      expect((await ticketsOf(ann.email))[0].messages[1].delivery).toEqual({ status: 'delivered', error: null }),
    );
  });

  it('threads replies by signed reply address, by our Message-IDs, by In-Reply-To and by subject token, keeping only the new text', async () => {
    const sam = requester('sam@acme.test');
    const first = inboundMail({ from: { address: sam.email }, subject: 'Report is empty' });
    await deliver(first, sam);
    const [opened] = await waitForTickets(sam.email, 1);
    const ourMessageId = await eventually(() => {
      const [acknowledgement] = acknowledgementsTo(sam.email);
      expect(acknowledgement).toBeDefined();
      return acknowledgement.mail.messageId;
    });

    const replies = [
      inboundMail({
        from: { address: sam.email },
        subject: 'no subject hints',
        to: [{ address: tokens.replyAddressFor(opened.id, 'support@helpgate.test') }],
        text: 'by address',
      }),
      inboundMail({ from: { address: sam.email }, subject: 'Re: Report is empty', inReplyTo: ourMessageId, text: 'by our id' }),
      inboundMail({ from: { address: sam.email }, subject: 'Re: Report is empty', inReplyTo: first.messageId, text: 'by header' }),
      inboundMail({
        from: { address: sam.email },
        subject: `Re: [#${opened.number}] Report is empty`,
        text: 'by token\n\nOn Mon, 23 Nov 2026 at 10:00, Support wrote:\n> we are on it',
        quotedHistoryLine: 2,
      }),
    ];
    for (const reply of replies) await deliver(reply, sam);

    const [ticket] = await eventually(async () => {
      const found = await ticketsOf(sam.email);
      expect(found).toHaveLength(1);
      expect(found[0].messages.filter((message) => message.direction === 'inbound')).toHaveLength(5);
      return found;
    });
    const inboundTexts = ticket.messages.filter((message) => message.direction === 'inbound').map((message) => message.bodyText);
    expect(inboundTexts).toEqual(['Hello, I cannot sign in.', 'by address', 'by our id', 'by header', 'by token']);
    expect(ticket.messages.find((message) => message.bodyText === 'by token')?.fullText).toContain('we are on it');
    expect(acknowledgementsTo(sam.email)).toHaveLength(1);
  });

  it('gives someone quoting another ticket a linked ticket of their own, and lets a CC of the ticket reply', async () => {
    const lena = requester('lena@acme.test');
    const colleague = requester('carl@acme.test');
    await deliver(
      inboundMail({ from: { address: lena.email }, subject: 'Invoice wrong', cc: [{ address: colleague.email, name: 'Carl' }] }),
      lena,
    );
    const [original] = await waitForTickets(lena.email, 1);
    expect(original.ccs).toEqual([expect.objectContaining({ email: 'carl@acme.test' })]);

    const stranger = requester('mallory@evil.test');
    await deliver(
      inboundMail({ from: { address: stranger.email }, subject: `Re: [#${original.number}] Invoice wrong`, text: 'let me in' }),
      stranger,
    );
    const [own] = await waitForTickets(stranger.email, 1);
    expect(own.linkedTicket).toEqual({ id: original.id, kind: 'other-sender' });

    await deliver(
      inboundMail({ from: { address: colleague.email }, subject: `Re: [#${original.number}] Invoice wrong`, text: 'same for me' }),
      colleague,
    );
    await eventually(async () => {
      const [ticket] = await ticketsOf(lena.email);
      expect(ticket.messages.map((message) => message.bodyText)).toContain('same for me');
      expect(ticket.messages.find((message) => message.bodyText === 'same for me')?.author.kind).toBe('cc');
      expect(ticket.messages.map((message) => message.bodyText)).not.toContain('let me in');
    });
  });

  it('reopens a solved ticket on reply and opens a linked follow-up for a reply to a closed one', async () => {
    const tom = requester('tom@acme.test');
    const first = inboundMail({ from: { address: tom.email }, subject: 'Slow dashboard' });
    await deliver(first, tom);
    const [ticket] = await waitForTickets(tom.email, 1);

    await database.query("UPDATE tickets SET status = 'solved' WHERE id = $1", [ticket.id]);
    await deliver(
      inboundMail({ from: { address: tom.email }, subject: 'Re: Slow dashboard', inReplyTo: first.messageId, text: 'still slow' }),
      tom,
    );
    await eventually(async () => expect((await ticketsOf(tom.email))[0].status).toBe('open'));

    await database.query("UPDATE tickets SET status = 'closed' WHERE id = $1", [ticket.id]);
    await deliver(
      inboundMail({ from: { address: tom.email }, subject: 'Re: Slow dashboard', inReplyTo: first.messageId, text: 'again' }),
      tom,
    );
    const [closed, followUp] = await waitForTickets(tom.email, 2);
    expect(closed.status).toBe('closed');
    expect(followUp).toMatchObject({ status: 'new', linkedTicket: { id: ticket.id, kind: 'follow-up' } });
  });

  it('never opens a ticket or acknowledges for machine-written mail, but shows agents a bounce of a ticket mail', async () => {
    const robot = requester('robot@acme.test');
    const robotMail = await deliver(
      inboundMail({ from: { address: robot.email }, subject: 'Out of office', isAutomated: true, automation: { kind: 'auto-reply' } }),
      robot,
    );

    const kim = requester('kim@acme.test');
    const first = inboundMail({ from: { address: kim.email }, subject: 'Password reset' });
    await deliver(first, kim);
    const [ticket] = await waitForTickets(kim.email, 1);
    await deliver(
      inboundMail({
        from: { address: kim.email },
        subject: 'Automatic reply: Password reset',
        inReplyTo: first.messageId,
        isAutomated: true,
        automation: { kind: 'auto-reply' },
      }),
      kim,
    );
    await eventually(async () => {
      const [current] = await ticketsOf(kim.email);
      const automated = current.messages.find((message) => message.direction === 'inbound' && message.visibility === 'internal');
      expect(automated).toBeDefined();
      expect(current.status).toBe(ticket.status);
    });
    await waitUntilProcessed(robotMail);
    expect(await ticketsOf(robot.email)).toHaveLength(0);
    expect(acknowledgementsTo(robot.email)).toHaveLength(0);
    expect(acknowledgementsTo(kim.email)).toHaveLength(1);
  });

  it('throttles acknowledgements to one address', async () => {
    const noisy = requester('noisy@acme.test');
    for (let index = 0; index < 5; index++)
      await deliver(inboundMail({ from: { address: noisy.email }, subject: `Question ${index}` }), noisy);
    await waitForTickets(noisy.email, 5);
    await eventually(() => expect(acknowledgementsTo(noisy.email)).toHaveLength(3));
  });

  it('warns agents in an internal note when a mail fails DMARC', async () => {
    const dora = requester('dora@acme.test');
    await deliver(
      inboundMail({ from: { address: dora.email }, authentication: { spf: 'fail', dkim: 'none', dmarc: 'fail', dmarcPolicy: 'none' } }),
      dora,
    );
    const [ticket] = await waitForTickets(dora.email, 1);
    const warning = ticket.messages.find((message) => message.author.kind === 'system' && message.visibility === 'internal');
    expect(warning?.bodyText).toContain('failed DMARC');
    expect(warning?.bodyText).toContain('dora@acme.test');
  });

  it('stores the same mail delivered twice once', async () => {
    const lee = requester('lee@acme.test');
    const mail = inboundMail({ from: { address: lee.email } });
    await deliver(mail, lee);
    await deliver({ ...mail, inboundMessageId: randomUUID() }, lee);
    const marker = requester('marker@acme.test');
    await deliver(inboundMail({ from: { address: marker.email } }), marker);
    await waitForTickets(marker.email, 1);
    const [ticket] = await waitForTickets(lee.email, 1);
    expect(ticket.messages.filter((message) => message.direction === 'inbound')).toHaveLength(1);
  });

  it('answers 404 for an unknown ticket and 400 for a bad filter', async () => {
    expect((await tickets.fetch(`/tickets/${randomUUID()}`)).status).toBe(404);
    expect((await tickets.fetch(`/tickets/not-a-uuid`)).status).toBe(400);
    expect((await tickets.fetch(`/tickets?status=exploded`)).status).toBe(400);
  });
});
