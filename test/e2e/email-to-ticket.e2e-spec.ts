import { createTransport, Transporter } from 'nodemailer';
import { EmailInboundReceivedV2, IdentityRequesterResolvedV2, TicketsTicketChangedV3, Topics } from '@helpgate/contracts';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';

interface Page<Item> {
  items: Item[];
  total: number;
}
interface Contact {
  id: string;
  name: string;
  email: string;
  organization: { id: string; name: string };
}
interface Ticket {
  id: string;
  number: number;
  subject: string;
  requester: { contactId: string; email: string; name: string };
  organization: { id: string; name: string };
  messages?: { bodyText: string; direction: string }[];
}

describe('the first path: an email becomes a contact and a ticket, through all four services as processes', () => {
  let stack: Stack;
  let smtp: Transporter;
  let acmeId: string;

  const contactsFor = (email: string) => stack.getJson<Page<Contact>>('identity', `/contacts?email=${encodeURIComponent(email)}`);
  const ticketsFor = (email: string) => stack.getJson<Page<Ticket>>('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`);
  const waitForTickets = (email: string, count: number) =>
    eventually(async () => {
      const page = await ticketsFor(email);
      // The page's items and its total are two queries: a ticket committed between them is counted but not listed.
      expect(page.total).toBe(count);
      expect(page.items).toHaveLength(count);
      return page.items;
    });

  beforeAll(async () => {
    stack = await startStack();
    await stack.kafka.record(
      Topics.EmailInboundReceived,
      Topics.IdentityRequesterResolved,
      Topics.IdentityContactChanged,
      Topics.TicketsTicketChanged,
    );
    smtp = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true, pool: false });
  });

  afterAll(async () => {
    smtp?.close();
    await stack?.cleanUp();
  });

  it('1. creates the organization Acme owning acme.test through the identity API, next to the default "Unassigned"', async () => {
    const response = await stack.fetch('identity', '/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme', domains: ['acme.test'] }),
    });
    expect(response.status).toBe(201);
    acmeId = ((await response.json()) as { id: string }).id;
    const organizations = await stack.getJson<Page<{ id: string; name: string; domains: string[]; isDefault: boolean }>>(
      'identity',
      '/organizations',
    );
    expect(organizations.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Unassigned', isDefault: true }),
        expect.objectContaining({ id: acmeId, name: 'Acme', domains: ['acme.test'] }),
      ]),
    );
  });

  it('2-4. a mail from jane@acme.test is answered 250 after Kafka took it, and becomes contact Jane in Acme and a ticket', async () => {
    const info = await smtp.sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: 'support@helpgate.test',
      subject: 'Cannot sign in',
      text: 'Since this morning the sign-in page spins forever.',
    });
    expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9a-f-]{36}$/);
    const inboundMessageId = (info.response ?? '').split(' ').pop();

    const [ticket] = await waitForTickets('jane@acme.test', 1);
    const contacts = await contactsFor('jane@acme.test');
    expect(contacts.items).toEqual([
      expect.objectContaining({ name: 'Jane Doe', email: 'jane@acme.test', organization: { id: acmeId, name: 'Acme' } }),
    ]);
    expect(ticket).toMatchObject({
      subject: 'Cannot sign in',
      requester: { contactId: contacts.items[0].id, email: 'jane@acme.test', name: 'Jane Doe' },
      organization: { id: acmeId, name: 'Acme' },
    });
    const detail = await stack.getJson<Ticket>('tickets', `/tickets/${ticket.id}`);
    expect(detail.messages?.filter((message) => message.direction === 'inbound')).toEqual([
      expect.objectContaining({ bodyText: 'Since this morning the sign-in page spins forever.' }),
    ]);

    await eventually(() => {
      const inbound = stack.kafka.events<EmailInboundReceivedV2>(Topics.EmailInboundReceived);
      expect(inbound.map((event) => event.mail.inboundMessageId)).toContain(inboundMessageId);
      const resolved = stack.kafka.events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved);
      expect(resolved.map((event) => event.requester.contactId)).toContain(contacts.items[0].id);
      const changed = stack.kafka.events<TicketsTicketChangedV3>(Topics.TicketsTicketChanged);
      expect(changed).toContainEqual(expect.objectContaining({ change: 'created', ticket: expect.objectContaining({ id: ticket.id }) }));
    });
  });

  it('3. a mail from bob@unknown.test yields a contact in "Unassigned" and a ticket', async () => {
    await smtp.sendMail({ from: 'bob@unknown.test', to: 'support@helpgate.test', subject: 'Invoice question', text: 'Hi' });
    const [ticket] = await waitForTickets('bob@unknown.test', 1);
    expect(ticket.organization.name).toBe('Unassigned');
    const contacts = await contactsFor('bob@unknown.test');
    expect(contacts.items).toEqual([
      expect.objectContaining({ name: 'bob', organization: expect.objectContaining({ name: 'Unassigned' }) }),
    ]);
  });

  it('5. a mail to an address that is not a support address is refused with 550 and nothing is published', async () => {
    await expect(
      smtp.sendMail({ from: 'eve@acme.test', to: 'someone@elsewhere.test', subject: 'relay attempt', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await smtp.sendMail({ from: 'eve@acme.test', to: 'support@helpgate.test', subject: 'after the refusal', text: 'x' });
    await waitForTickets('eve@acme.test', 1);
    await eventually(() => {
      const subjects = stack.kafka.events<EmailInboundReceivedV2>(Topics.EmailInboundReceived).map((event) => event.mail.subject);
      expect(subjects).toContain('after the refusal');
      expect(subjects).not.toContain('relay attempt');
    });
  });

  it('6a. the same message (same Message-ID) delivered twice yields one ticket and one contact', async () => {
    const mail = {
      from: 'dup@repeat.test',
      to: 'support@helpgate.test',
      subject: 'Twice',
      text: 'once',
      messageId: '<twice-1@repeat.test>',
    };
    // Two deliveries of one mail (through two relays, say) differ in their bytes; the very same bytes in the same
    // envelope would be one inbound message to email-ingest already.
    await smtp.sendMail({ ...mail, headers: { Received: 'from relay-a.repeat.test' } });
    await smtp.sendMail({ ...mail, headers: { Received: 'from relay-b.repeat.test' } });
    await eventually(() => {
      const deliveries = stack.kafka
        .events<EmailInboundReceivedV2>(Topics.EmailInboundReceived)
        .filter((event) => event.mail.messageId === '<twice-1@repeat.test>');
      expect(deliveries).toHaveLength(2);
    });
    await smtp.sendMail({ from: 'dup@repeat.test', to: 'support@helpgate.test', subject: 'Marker', text: 'after' });
    const tickets = await waitForTickets('dup@repeat.test', 2);
    expect(tickets.map((ticket) => ticket.subject).sort()).toEqual(['Marker', 'Twice']);
    expect((await contactsFor('dup@repeat.test')).total).toBe(1);
  });

  it('6b. two different first mails from the same new sender sent at the same moment yield one contact', async () => {
    const senders = Array.from({ length: 2 }, () =>
      createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true }),
    );
    await Promise.all(
      senders.map((sender, index) =>
        sender.sendMail({ from: 'twin@newco.test', to: 'support@helpgate.test', subject: `Twin ${index}`, text: 'x' }),
      ),
    );
    senders.forEach((sender) => sender.close());
    const tickets = await waitForTickets('twin@newco.test', 2);
    const contacts = await contactsFor('twin@newco.test');
    expect(contacts.total).toBe(1);
    expect(new Set(tickets.map((ticket) => ticket.requester.contactId))).toEqual(new Set([contacts.items[0].id]));
  });

  it('stops every service cleanly on SIGTERM', async () => {
    expect(await stack.stop()).toEqual({ 'email-ingest': 0, identity: 0, tickets: 0, chat: 0 });
  });
});
