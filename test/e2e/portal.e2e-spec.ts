import { createTransport, Transporter } from 'nodemailer';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';
import { TestRelay } from '../support/test-relay';

interface Ticket {
  id: string;
  requester: { contactId: string; email: string | null; name: string };
  messages: { bodyText: string }[];
}
interface PortalTicket {
  id: string;
  status: string;
  requester: { name: string; isYou: boolean };
  messages: { author: { kind: string; isYou: boolean }; bodyText: string }[];
}

describe("the customer's view through the services as processes: a contact signs in at identity and reads its tickets", () => {
  let relay: TestRelay;
  let stack: Stack;
  let smtp: Transporter;

  const json = (method: string, body?: unknown, token?: string): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  async function call<T>(service: 'identity' | 'tickets', path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const response = await stack.fetch(service, path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function ticketFromMail(from: string, subject: string, name?: string): Promise<Ticket> {
    await smtp.sendMail({
      from: name ? { name, address: from } : from,
      to: 'support@helpgate.test',
      subject,
      text: `${subject}, please help.`,
    });
    return eventually(async () => {
      const page = await stack.getJson<{ items: Ticket[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(from)}`);
      expect(page.items).toHaveLength(1);
      return page.items[0];
    });
  }

  /** Sets the contact's portal password through the mailed one-time link, signs it in, and answers its token. */
  async function portalSignIn(contactId: string, address: string): Promise<string> {
    expect((await call('identity', `/contacts/${contactId}/password-link`, json('POST'))).status).toBe(202);
    const token = await eventually(() => {
      const link = relay
        .to(address)
        .map((mail) => /token=([\w-]{43})/.exec(mail.parsed.text ?? '')?.[1])
        .find(Boolean);
      expect(link).toBeDefined();
      return link!;
    });
    expect((await call('identity', '/auth/password', json('POST', { token, password: 'a portal password' }))).status).toBe(204);
    const signedIn = await call<{ accessToken: string }>(
      'identity',
      '/auth/contacts/sign-in',
      json('POST', { email: address, password: 'a portal password' }),
    );
    expect(signedIn.status).toBe(200);
    return signedIn.body.accessToken;
  }

  beforeAll(async () => {
    relay = await TestRelay.start();
    stack = await startStack({ env: { SMTP_RELAY_URL: relay.url, OUTBOUND_RETRY_BASE_MS: '500' } });
    smtp = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true, pool: false });
  });

  afterAll(async () => {
    smtp?.close();
    await stack?.cleanUp();
    await relay?.close();
  });

  it("shows a primary contact its own and its organization's tickets, public threads only, and takes its reply", async () => {
    const organization = await call<{ id: string }>(
      'identity',
      '/organizations',
      json('POST', { name: 'Initech', domains: ['initech.test'] }),
    );
    expect(organization.status).toBe(201);
    const peters = await ticketFromMail('peter@initech.test', 'TPS reports');
    const miltons = await ticketFromMail('milton@initech.test', 'My stapler');
    expect((await call('tickets', `/tickets/${miltons.id}/notes`, json('POST', { body: 'Internal: do not move his desk.' }))).status).toBe(
      201,
    );
    const membership = await call(
      'identity',
      `/contacts/${peters.requester.contactId}/organizations/${organization.body.id}`,
      json('PUT', { isPrimaryContact: true }),
    );
    expect(membership.status).toBe(200);
    const peter = await portalSignIn(peters.requester.contactId, 'peter@initech.test');

    const mine = await call<{ items: PortalTicket[] }>('tickets', '/portal/tickets', json('GET', undefined, peter));
    expect(mine.body.items.map((ticket) => ticket.id)).toEqual([peters.id]);
    const organizations = await call<{ items: PortalTicket[] }>(
      'tickets',
      '/portal/tickets?scope=organization',
      json('GET', undefined, peter),
    );
    expect(organizations.body.items.map((ticket) => ticket.id).sort()).toEqual([peters.id, miltons.id].sort());
    const colleagues = await call<PortalTicket>('tickets', `/portal/tickets/${miltons.id}`, json('GET', undefined, peter));
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.requester).toEqual({ name: expect.any(String), isYou: false });
    expect(colleagues.body.messages.map((message) => message.bodyText)).not.toContain('Internal: do not move his desk.');

    const replied = await call<PortalTicket>(
      'tickets',
      `/portal/tickets/${peters.id}/replies`,
      json('POST', { body: 'Did you get the memo?' }, peter),
    );
    expect(replied.status).toBe(201);
    expect(replied.body.messages.at(-1)).toEqual(
      expect.objectContaining({ author: { kind: 'requester', name: expect.any(String), isYou: true }, bodyText: 'Did you get the memo?' }),
    );
    expect((await stack.getJson<Ticket>('tickets', `/tickets/${peters.id}`)).messages.map((message) => message.bodyText)).toContain(
      'Did you get the memo?',
    );
  });

  it("erases a deleted contact's name and address from its tickets, keeping the conversation", async () => {
    const ticket = await ticketFromMail('bob.slydell@initech.test', 'Question from Bob Slydell', 'Bob Slydell');
    expect(ticket.requester.name).toBe('Bob Slydell');
    expect((await call('identity', `/contacts/${ticket.requester.contactId}`, json('DELETE'))).status).toBe(204);
    const erased = await eventually(async () => {
      const current = await stack.getJson<Ticket>('tickets', `/tickets/${ticket.id}`);
      expect(current.requester.email).toBeNull();
      return current;
    });
    expect(erased.requester).toEqual({ contactId: ticket.requester.contactId, email: null, name: 'Deleted contact' });
    expect(erased.messages[0].bodyText).toBe('Question from Deleted contact, please help.');
  });
  it("serves the help-center panel: chat names the APIs, which answer chat's origin, and a customer-success request becomes a ticket answered by mail", async () => {
    const config = (await (await fetch(`${stack.url.chat}/help-center/config`)).json()) as { services: Record<string, string> };
    expect(config.services).toEqual({ chat: stack.url.chat, identity: stack.url.identity, tickets: stack.url.tickets });

    const categories = await stack.getJson<{ id: string; name: string }[]>('tickets', '/categories');
    const serviceRequest = categories.find((department) => department.name === 'Service request')!;
    expect(
      (await call('tickets', '/settings', json('PATCH', { customerSuccessForm: { enabled: true, categoryId: serviceRequest.id } }))).status,
    ).toBe(200);

    const address = `cs-${Date.now().toString(36)}@newcustomer.test`;
    const submitted = await fetch(`${config.services.tickets}/customer-success/requests`, {
      method: 'POST',
      headers: { origin: stack.url.chat, 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, name: 'Nadia New', priority: 'high', message: 'Renewal of our plan\nCan we talk?' }),
    });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('access-control-allow-origin')).toBe(stack.url.chat);

    const ticket = await eventually(async () => {
      const page = await stack.getJson<{ items: (Ticket & { subject: string; priority: string })[] }>(
        'tickets',
        `/tickets?requesterEmail=${encodeURIComponent(address)}`,
      );
      expect(page.items).toHaveLength(1);
      return page.items[0]!;
    });
    expect(ticket).toMatchObject({ subject: 'Renewal of our plan', priority: 'high', requester: { email: address, name: 'Nadia New' } });
    const contacts = await stack.getJson<{ items: { id: string }[] }>('identity', `/contacts?email=${encodeURIComponent(address)}`);
    expect(contacts.items.map((contact) => contact.id)).toEqual([ticket.requester.contactId]);
    await eventually(() =>
      expect(relay.to(address).map((mail) => mail.parsed.subject)).toEqual([expect.stringContaining('Renewal of our plan')]),
    );
  });
});
