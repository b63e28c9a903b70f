import { randomUUID } from 'node:crypto';
import { InboundMail, Requester, TicketsTicketChangedV1, Topics } from '@helpgate/contracts';
import { inboundMail, requesterResolved } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { ticketsService } from '../tickets.service';

interface TicketView {
  id: string;
  number: number;
  subject: string;
  status: string;
  requester: { email: string };
  organization: { name: string };
  messages: { bodyText: string; mailMessageId: string }[];
}

describe('tickets turns resolved mail into tickets and threads replies (real Postgres and Kafka)', () => {
  let tickets: ServiceInProcess;
  const organizationId = randomUUID();

  function requester(email: string): Requester {
    return { contactId: randomUUID(), email, name: email.split('@')[0], organizationId, organizationName: 'Acme' };
  }

  async function deliver(mail: InboundMail, from: Requester): Promise<void> {
    await tickets.kafka.produce(Topics.IdentityRequesterResolved, [
      { key: from.contactId, value: JSON.stringify(requesterResolved(mail, from)) },
    ]);
  }

  async function ticketsOf(email: string): Promise<TicketView[]> {
    const list = (await (await fetch(`${tickets.baseUrl}/tickets?requesterEmail=${encodeURIComponent(email)}`)).json()) as {
      items: TicketView[];
    };
    return Promise.all(list.items.map(async ({ id }) => (await (await fetch(`${tickets.baseUrl}/tickets/${id}`)).json()) as TicketView));
  }

  beforeAll(async () => {
    tickets = await startServiceInProcess(ticketsService);
    await tickets.kafka.record(Topics.TicketsTicketChanged);
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('opens a ticket with subject, body, requester and organization, and announces it', async () => {
    const jane = requester('jane@acme.test');
    const mail = inboundMail({ from: { address: jane.email }, subject: 'Cannot sign in', text: 'The page spins forever.' });
    await deliver(mail, jane);
    const [ticket] = await eventually(async () => {
      const found = await ticketsOf(jane.email);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(ticket).toMatchObject({
      subject: 'Cannot sign in',
      status: 'new',
      requester: { email: 'jane@acme.test' },
      organization: { name: 'Acme' },
      messages: [{ bodyText: 'The page spins forever.', mailMessageId: mail.messageId }],
    });
    await eventually(() =>
      expect(tickets.kafka.events<TicketsTicketChangedV1>(Topics.TicketsTicketChanged)).toContainEqual(
        expect.objectContaining({ change: 'created', ticket: expect.objectContaining({ id: ticket.id, number: ticket.number }) }),
      ),
    );
  });

  it('threads a reply by In-Reply-To, and by a [#number] token from the same requester only', async () => {
    const sam = requester('sam@acme.test');
    const first = inboundMail({ from: { address: sam.email }, subject: 'Export broken' });
    await deliver(first, sam);
    const [opened] = await eventually(async () => {
      const found = await ticketsOf(sam.email);
      expect(found).toHaveLength(1);
      return found;
    });

    await deliver(
      inboundMail({ from: { address: sam.email }, subject: 'Re: Export broken', inReplyTo: first.messageId, text: 'Any news?' }),
      sam,
    );
    await deliver(
      inboundMail({ from: { address: sam.email }, subject: `Re: [#${opened.number}] Export broken`, text: 'Still broken.' }),
      sam,
    );
    const stranger = requester('mallory@evil.test');
    await deliver(inboundMail({ from: { address: stranger.email }, subject: `[#${opened.number}] let me in` }), stranger);

    await eventually(async () => {
      const [ticket] = await ticketsOf(sam.email);
      expect(ticket.messages.map((message) => message.bodyText)).toEqual(['Hello, I cannot sign in.', 'Any news?', 'Still broken.']);
    });
    await eventually(async () => expect(await ticketsOf(stranger.email)).toHaveLength(1));
  });

  it('stores the same mail delivered twice once', async () => {
    const lee = requester('lee@acme.test');
    const mail = inboundMail({ from: { address: lee.email } });
    await deliver(mail, lee);
    await deliver({ ...mail, inboundMessageId: randomUUID() }, lee);
    const marker = requester('marker@acme.test');
    await deliver(inboundMail({ from: { address: marker.email } }), marker);
    await eventually(async () => expect(await ticketsOf(marker.email)).toHaveLength(1));
    const leeTickets = await ticketsOf(lee.email);
    expect(leeTickets).toHaveLength(1);
    expect(leeTickets[0].messages).toHaveLength(1);
  });

  it('answers 404 for an unknown ticket and 400 for a bad filter', async () => {
    expect((await fetch(`${tickets.baseUrl}/tickets/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${tickets.baseUrl}/tickets/not-a-uuid`)).status).toBe(400);
    expect((await fetch(`${tickets.baseUrl}/tickets?status=exploded`)).status).toBe(400);
  });
});
