import { EmailOutboundRequestedV1, IdentityRequesterResolvedV2, Topics } from '@helpgate/contracts';
import { agentToken } from '../../../../test/support/auth';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';

interface Page<Item = Record<string, unknown>> {
  items: Item[];
  total: number;
}

interface Answer<Body> {
  status: number;
  body: Body;
}

describe('identity settings, welcome mail and mail from unknown senders (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition, { IDENTITY_PORTAL_URL: 'https://portal.acme.test' });
    await identity.kafka.record(Topics.EmailOutboundRequested, Topics.IdentityRequesterResolved);
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function call<Body = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<Body>> {
    const response = await identity.request(method, path, body, headers);
    return { status: response.status, body: (await response.json()) as Body };
  }

  const welcomeRequests = () => identity.kafka.events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested);
  const welcomesTo = (address: string) => welcomeRequests().filter((event) => event.mail.to[0]!.address === address);

  async function deliverMail(from: string) {
    const event = emailInboundReceived(inboundMail({ from: { address: from, name: 'Mail Sender' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(event) }]);
    return event;
  }

  async function resolvedFor(inboundMessageId: string) {
    return eventually(() => {
      const found = identity.kafka
        .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
        .find((resolved) => resolved.mail.inboundMessageId === inboundMessageId);
      expect(found).toBeDefined();
      return found!;
    });
  }

  it('has defaults, some from the environment', async () => {
    const settings = await call('GET', '/settings');
    expect(settings.body).toMatchObject({
      autoCreateContacts: true,
      sendWelcomeMail: false,
      portalUrl: 'https://portal.acme.test',
      welcomeFromAddress: 'support@helpgate.test',
    });
  });

  it('sends no welcome mail by default', async () => {
    const event = await deliverMail('quiet@default.test');
    await resolvedFor(event.mail.inboundMessageId);
    expect(welcomesTo('quiet@default.test')).toEqual([]);
  });

  it('lets only admins change settings', async () => {
    const asAgent = await call('PATCH', '/settings', { sendWelcomeMail: true }, { authorization: `Bearer ${agentToken('agent')}` });
    expect(asAgent).toEqual({ status: 403, body: { statusCode: 403, code: 'auth.wrong_audience', message: 'This API is for admins' } });
    expect(await call('PATCH', '/settings', { sendWelcomeMail: true }, { authorization: 'Bearer not.a.token' })).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'auth.token_invalid' }),
    });
    expect((await call<{ sendWelcomeMail: boolean }>('GET', '/settings')).body.sendWelcomeMail).toBe(false);
  });

  it('changes settings partially and audits every change with its actor, newest first', async () => {
    const ann = '3a0d8c55-2f7e-4b7e-9d55-0c1c3b7f6a01';
    const template = { subject: 'Welcome, {{contact.name}}', body: 'Visit {{portal.url}} as {{portal.username}} ({{organization.name}})' };
    const changed = await call(
      'PATCH',
      '/settings',
      { sendWelcomeMail: true, welcomeTemplate: template },
      { authorization: `Bearer ${agentToken('admin', ann)}` },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ sendWelcomeMail: true, welcomeTemplate: template, autoCreateContacts: true });
    expect((await call('GET', '/settings')).body).toEqual(changed.body);
    await call('PATCH', '/settings', { welcomeFromAddress: 'Welcome@Helpgate.test' });

    const audit = await call<Page>('GET', '/settings/audit?limit=2');
    expect(audit.body.total).toBe(3);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^agent:[0-9a-f-]{36}$/),
        setting: 'welcomeFromAddress',
        oldValue: 'support@helpgate.test',
        newValue: 'welcome@helpgate.test',
      }),
      expect.objectContaining({ actor: `agent:${ann}`, setting: 'welcomeTemplate', newValue: template }),
    ]);
  });

  it('audits nothing when a setting is set to the value it has', async () => {
    const before = (await call<Page>('GET', '/settings/audit')).body.total;
    await call('PATCH', '/settings', { sendWelcomeMail: true });
    expect((await call<Page>('GET', '/settings/audit')).body.total).toBe(before);
  });

  it('refuses unknown placeholders with 422 and a code, and malformed settings with 400', async () => {
    const unknown = await call('PATCH', '/settings', { welcomeTemplate: { subject: 'Hi {{contact.password}}', body: 'x' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'settings.unknown_placeholder' });
    expect((await call('PATCH', '/settings', { portalUrl: 'http://insecure.test' })).status).toBe(400);
    expect((await call('PATCH', '/settings', { unknownSetting: true })).status).toBe(400);
  });

  it('welcomes a new contact from mail once: not on redelivery, not on a second mail', async () => {
    const first = emailInboundReceived(inboundMail({ from: { address: 'new@welcome.test', name: 'Nina New' } }));
    const record = { value: JSON.stringify(first) };
    await identity.kafka.produce(Topics.EmailInboundReceived, [record, record]);
    const resolved = await resolvedFor(first.mail.inboundMessageId);
    const second = await deliverMail('new@welcome.test');
    await resolvedFor(second.mail.inboundMessageId);

    const welcomes = await eventually(() => {
      expect(welcomesTo('new@welcome.test')).toHaveLength(1);
      return welcomesTo('new@welcome.test');
    });
    expect(welcomes[0]!.mail).toMatchObject({
      kind: 'welcome',
      autoSubmitted: 'auto-generated',
      contactId: resolved.requester.contactId,
      from: { address: 'welcome@helpgate.test' },
      subject: 'Welcome, Nina New',
      text: 'Visit https://portal.acme.test as new@welcome.test (Unassigned)',
    });
    expect(welcomes[0]!.mail.messageId).toMatch(/^<hg\.welcome\.[0-9a-f]+@helpgate\.test>$/);
  });

  it('welcomes a contact an agent creates', async () => {
    const created = await call<{ id: string }>('POST', '/contacts', { name: 'Alex Agent', email: 'alex@agents.test' });
    expect(created.status).toBe(201);
    const welcomes = await eventually(() => {
      expect(welcomesTo('alex@agents.test')).toHaveLength(1);
      return welcomesTo('alex@agents.test');
    });
    expect(welcomes[0]!.mail).toMatchObject({ contactId: created.body.id, subject: 'Welcome, Alex Agent' });
  });

  it('holds mail from unknown senders while contacts are not created automatically, until an agent accepts it', async () => {
    await call('PATCH', '/settings', { autoCreateContacts: false });
    const held = await deliverMail('stranger@unknown.test');
    const listed = await eventually(async () => {
      const page = await call<Page<{ inboundMessageId: string }>>('GET', '/unknown-senders');
      expect(page.body.items).toContainEqual(expect.objectContaining({ inboundMessageId: held.mail.inboundMessageId }));
      return page.body.items.find((item: { inboundMessageId: string }) => item.inboundMessageId === held.mail.inboundMessageId);
    });
    expect(listed).toMatchObject({ sender: 'stranger@unknown.test', subject: held.mail.subject, receivedAt: held.mail.receivedAt });
    expect((await call<Page>('GET', '/contacts?email=stranger@unknown.test')).body.total).toBe(0);

    const tooEarly = await call('POST', `/unknown-senders/${held.mail.inboundMessageId}/accept`);
    expect(tooEarly).toMatchObject({ status: 409, body: { code: 'unknown_sender.no_contact' } });
    const contact = await call<{ id: string }>('POST', '/contacts', { name: 'Stan Stranger', email: 'stranger@unknown.test' });
    const accepted = await call('POST', `/unknown-senders/${held.mail.inboundMessageId}/accept`);
    expect(accepted).toMatchObject({ status: 200, body: { contactId: contact.body.id } });

    const resolved = await resolvedFor(held.mail.inboundMessageId);
    expect(resolved.requester).toMatchObject({ contactId: contact.body.id, email: 'stranger@unknown.test' });
    expect((await call<Page>('GET', '/unknown-senders')).body.total).toBe(0);
    expect((await call('POST', `/unknown-senders/${held.mail.inboundMessageId}/accept`)).status).toBe(404);
  });

  it('drops held mail an agent rejects: no contact, nothing resolved, and it cannot be accepted afterwards', async () => {
    await call('PATCH', '/settings', { autoCreateContacts: false });
    const held = await deliverMail('spammer@unknown.test');
    await eventually(async () =>
      expect((await call<Page>('GET', '/unknown-senders')).body.items).toContainEqual(
        expect.objectContaining({ inboundMessageId: held.mail.inboundMessageId }),
      ),
    );

    const rejected = await identity.request('DELETE', `/unknown-senders/${held.mail.inboundMessageId}`);
    expect(rejected.status).toBe(204);
    expect((await call<Page>('GET', '/unknown-senders')).body.items).not.toContainEqual(
      expect.objectContaining({ inboundMessageId: held.mail.inboundMessageId }),
    );
    expect((await call('DELETE', `/unknown-senders/${held.mail.inboundMessageId}`)).status).toBe(404);
    await call('POST', '/contacts', { name: 'Sam Spammer', email: 'spammer@unknown.test' });
    expect(await call('POST', `/unknown-senders/${held.mail.inboundMessageId}/accept`)).toMatchObject({
      status: 404,
      body: { code: 'unknown_sender.not_found' },
    });
    expect(
      identity.kafka
        .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
        .filter((resolved) => resolved.mail.inboundMessageId === held.mail.inboundMessageId),
    ).toEqual([]);
  });
});
