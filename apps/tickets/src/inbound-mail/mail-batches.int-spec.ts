import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, IdentityRequesterResolvedV2, InboundMail, Requester, Topics } from '@helpgate/contracts';
import { contactChanged, inboundMail, requesterResolved } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { acknowledgementsOf, startTickets, ticketsOfRequester, TicketsUnderTest, waitForTicketsOf } from '../../test/tickets-under-test';

interface TicketView {
  id: string;
  number: number;
  subject: string;
  messages: { bodyText: string; direction: string; mailMessageId: string }[];
}

/**
 * Mail reaches tickets in batches: the events of one partition handled in one call and one transaction. Each batch
 * here is written to one partition in one request, so the consumer fetches it whole.
 */
describe('tickets files mail in batches (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  const organizationId = randomUUID();
  const deadLetters = deadLetterTopicOf(Topics.IdentityRequesterResolved);

  function requester(email: string): Requester {
    return { contactId: randomUUID(), email, name: email.split('@')[0], organizationId, organizationName: 'Acme' };
  }

  async function deliverBatch(events: IdentityRequesterResolvedV2[]): Promise<void> {
    await tickets.kafka.produceToPartition(
      Topics.IdentityRequesterResolved,
      0,
      events.map((event) => ({ key: event.requester.contactId, value: JSON.stringify(event) })),
    );
  }

  /** When each event was processed: events handled in one transaction share the transaction's time. */
  async function processedAt(events: { eventId: string }[]): Promise<string[]> {
    return eventually(async () => {
      const { rows } = await tickets.database.query<{ processed_at: Date }>(
        'SELECT processed_at FROM processed_events WHERE event_id = ANY($1::uuid[])',
        [events.map((event) => event.eventId)],
      );
      expect(rows).toHaveLength(events.length);
      return rows.map((row) => row.processed_at.toISOString());
    });
  }

  const ticketsOf = (email: string) => ticketsOfRequester<TicketView>(tickets, email);
  const waitForTickets = (email: string, count: number) => waitForTicketsOf<TicketView>(tickets, email, count);
  const acknowledgementsTo = (email: string) => acknowledgementsOf(tickets, email);

  function mailFrom(from: Requester, overrides: Partial<InboundMail> = {}): IdentityRequesterResolvedV2 {
    return requesterResolved(inboundMail({ from: { address: from.email }, ...overrides }), from);
  }

  beforeAll(async () => {
    tickets = await startTickets({ KAFKA_MAX_HANDLER_ATTEMPTS: '2' });
    await tickets.kafka.record(deadLetters);
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('opens the tickets of a batch in one transaction, threading a reply onto a ticket opened earlier in it', async () => {
    const [ada, bob, cy] = [requester('ada@acme.test'), requester('bob@acme.test'), requester('cy@acme.test')];
    const question = mailFrom(ada, { subject: 'Printer offline', text: 'It says offline.' });
    const batch = [
      question,
      mailFrom(bob, { subject: 'Invoice missing' }),
      mailFrom(ada, { subject: 'Re: Printer offline', inReplyTo: question.mail.messageId, text: 'Now it prints blank pages.' }),
      mailFrom(cy, { subject: 'New laptop' }),
    ];
    await deliverBatch(batch);

    expect(new Set(await processedAt(batch)).size).toBe(1);
    const [adasTicket] = await waitForTickets(ada.email, 1);
    expect(adasTicket.messages.filter((message) => message.direction === 'inbound').map((message) => message.bodyText)).toEqual([
      'It says offline.',
      'Now it prints blank pages.',
    ]);
    const [bobsTicket] = await waitForTickets(bob.email, 1);
    const [cysTicket] = await waitForTickets(cy.email, 1);
    expect([adasTicket.number < bobsTicket.number, bobsTicket.number < cysTicket.number]).toEqual([true, true]);
    await eventually(() => expect([ada, bob, cy].map((someone) => acknowledgementsTo(someone.email).length)).toEqual([1, 1, 1]));
    const { rows: history } = await tickets.database.query<{ action: string }>(
      'SELECT action FROM ticket_audit WHERE ticket_id = $1 ORDER BY id',
      [adasTicket.id],
    );
    expect(history.map((entry) => entry.action)).toEqual(['created', 'message_added', 'message_added']);
  });

  it('stores a mail delivered twice within one batch once', async () => {
    const dan = requester('dan@acme.test');
    const first = mailFrom(dan, { subject: 'Sync fails' });
    const again = requesterResolved({ ...first.mail, inboundMessageId: randomUUID() }, dan);
    const other = mailFrom(requester('eve@acme.test'));
    await deliverBatch([first, again, other]);

    // One transaction for all three: the batch itself saw the duplicate (had it failed, each would have its own).
    expect(new Set(await processedAt([first, again, other])).size).toBe(1);
    const [ticket] = await waitForTickets(dan.email, 1);
    expect(ticket.messages.filter((message) => message.mailMessageId === first.mail.messageId)).toHaveLength(1);
    await eventually(() => expect(acknowledgementsTo(dan.email)).toHaveLength(1));
  });

  it('has no second effect when a batch is delivered again', async () => {
    const fay = requester('fay@acme.test');
    const batch = [mailFrom(fay, { subject: 'VPN drops' }), mailFrom(fay, { subject: 'VPN drops again' })];
    await deliverBatch(batch);
    await waitForTickets(fay.email, 2);

    const gus = requester('gus@acme.test');
    const marker = mailFrom(gus);
    await deliverBatch([...batch, marker]);
    await waitForTickets(gus.email, 1);

    const opened = await ticketsOf(fay.email);
    expect(opened).toHaveLength(2);
    expect(opened.map((ticket) => ticket.messages.filter((message) => message.direction === 'inbound').length)).toEqual([1, 1]);
    await eventually(() => expect(acknowledgementsTo(gus.email)).toHaveLength(1));
    expect(acknowledgementsTo(fay.email)).toHaveLength(2);
  });

  it('dead-letters a mail the database refuses and files the rest of its batch', async () => {
    const [hal, ivy] = [requester('hal@acme.test'), requester('ivy@acme.test')];
    // Postgres text cannot hold a NUL character: the contract lets it through, the insert of the ticket fails.
    const poison = mailFrom(ivy, { subject: 'Broken \u0000 subject' });
    const before = mailFrom(hal, { subject: 'Before the poison' });
    const after = mailFrom(hal, { subject: 'After the poison' });
    await deliverBatch([before, poison, after]);

    const filed = await waitForTickets(hal.email, 2);
    expect(filed.map((ticket) => ticket.subject)).toEqual(['Before the poison', 'After the poison']);
    await eventually(() =>
      expect(tickets.kafka.events<IdentityRequesterResolvedV2>(deadLetters).map((event) => event.eventId)).toEqual([poison.eventId]),
    );
    expect(await ticketsOf(ivy.email)).toHaveLength(0);
    expect(acknowledgementsTo(ivy.email)).toHaveLength(0);
  });

  it('learns the contacts of a batch of contact changes in one transaction, each as identity last described it', async () => {
    const globex = { id: randomUUID(), name: 'Globex' };
    const [kai, lou] = [requester('kai@acme.test'), requester('lou@acme.test')];
    const newer = contactChanged({ ...kai, organizationId: globex.id, organizationName: globex.name });
    const older = { ...contactChanged(kai), occurredAt: new Date(Date.parse(newer.occurredAt) - 60_000).toISOString() };
    const changes = [newer, older, contactChanged(lou)];
    await tickets.kafka.produceToPartition(
      Topics.IdentityContactChanged,
      0,
      changes.map((event) => ({ key: event.contact.id, value: JSON.stringify(event) })),
    );

    expect(new Set(await processedAt(changes)).size).toBe(1);
    const opened = await Promise.all(
      [kai, lou].map((someone) =>
        tickets.asAgentOk<{ organization: { id: string; name: string } }>('POST', '/tickets', {
          requester: { email: someone.email },
          subject: 'Hi',
          body: 'Hi',
        }),
      ),
    );
    expect(opened.map((ticket) => ticket.organization)).toEqual([globex, { id: organizationId, name: 'Acme' }]);
  });
});
