import { randomUUID } from 'node:crypto';
import {
  EmailOutboundRequestedV1,
  IdentityAccessMailFailedV1,
  IdentityAccessMailRequestedV1,
  IdentityAgentChangedV1,
  Topics,
} from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';

interface Answer<Body> {
  status: number;
  body: Body;
}

interface TokenBody {
  accessToken: string;
  tokenType: string;
  expiresAt: string;
}

describe('sign-in, agents and one-time links (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  const admin = { email: 'boss@helpgate.test', password: 'first admin secret' };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition, {
      IDENTITY_FIRST_ADMIN_EMAIL: admin.email,
      IDENTITY_FIRST_ADMIN_NAME: 'Bea Boss',
      IDENTITY_FIRST_ADMIN_PASSWORD: admin.password,
      IDENTITY_PORTAL_URL: 'https://portal.acme.test',
      IDENTITY_CONSOLE_URL: 'https://desk.acme.test/console',
    });
    await identity.kafka.record(Topics.EmailOutboundRequested, Topics.IdentityAgentChanged, Topics.IdentityAccessMailFailed);
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function call<Body = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<Answer<Body>> {
    const response = await identity.request(method, path, body, token === undefined ? {} : { authorization: `Bearer ${token}` });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
  }

  const mailsWithLinkTo = (address: string, page: 'set-password' | 'verify-email') =>
    identity.kafka
      .events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested)
      .filter((event) => event.mail.to[0]!.address === address && event.mail.text.includes(`/${page}?token=`));

  /**
   * The one-time token of the newest mail to `address` that carries a link to the page, once more than `earlier`
   * arrived: contacts' links lead to the portal, agents' to the console.
   */
  function linkTokenMailedTo(
    address: string,
    page: 'set-password' | 'verify-email',
    earlier = 0,
    site = 'https://portal.acme.test',
  ): Promise<string> {
    return eventually(() => {
      const mails = mailsWithLinkTo(address, page);
      expect(mails.length).toBeGreaterThan(earlier);
      const link = new RegExp(`${site.replace(/\./g, '\\.')}/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(mails.at(-1)!.mail.text)!;
      return link[1]!;
    });
  }

  /** A request to mail the contact a text naming portal values, as tickets publishes it. */
  function accessMailRequest(
    contactId: string,
    mail: Pick<IdentityAccessMailRequestedV1['mail'], 'subject' | 'text' | 'messageId' | 'ticketId'>,
  ): IdentityAccessMailRequestedV1 {
    return {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      contactId,
      mail: {
        requestId: randomUUID(),
        kind: 'reply',
        from: { address: 'support@helpgate.test' },
        cc: [],
        references: [],
        autoSubmitted: 'no',
        attachmentIds: [],
        ...mail,
      },
    };
  }

  async function signIn(as: 'agents' | 'contacts', email: string, password: string): Promise<string> {
    const answer = await call<TokenBody>('POST', `/auth/${as}/sign-in`, { email, password }, '');
    expect(answer.status).toBe(200);
    return answer.body.accessToken;
  }

  it('creates the first admin from settings, who signs in with the configured password', async () => {
    const token = await signIn('agents', 'Boss@Helpgate.test', admin.password);
    const me = await call('GET', '/me', undefined, token);
    expect(me).toEqual({
      status: 200,
      body: { kind: 'agent', agent: expect.objectContaining({ email: admin.email, name: 'Bea Boss', role: 'admin' }) },
    });
    await eventually(() =>
      expect(identity.kafka.events<IdentityAgentChangedV1>(Topics.IdentityAgentChanged)).toEqual([
        expect.objectContaining({ agent: expect.objectContaining({ email: admin.email, role: 'admin', active: true }) }),
      ]),
    );
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await call('POST', '/auth/agents/sign-in', { email: admin.email, password: 'not the password' }, '');
    const unknown = await call('POST', '/auth/agents/sign-in', { email: 'nobody@helpgate.test', password: admin.password }, '');
    expect(wrong).toEqual({ status: 401, body: expect.objectContaining({ code: 'access.invalid_credentials' }) });
    expect(unknown).toEqual(wrong);
  });

  it('requires a token on every API but health and sign-in', async () => {
    expect(await call('GET', '/contacts', undefined, '')).toEqual({
      status: 401,
      body: { statusCode: 401, code: 'auth.token_missing', message: 'A bearer token is required' },
    });
    expect(await call('GET', '/agents', undefined, 'forged.token.here')).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'auth.token_invalid' }),
    });
    expect((await fetch(`${identity.baseUrl}/health`)).status).toBe(200);
  });

  it('invites an agent, who sets a password through the one-time link and signs in with the agent role', async () => {
    const adminToken = await signIn('agents', admin.email, admin.password);
    const created = await call<{ id: string }>(
      'POST',
      '/agents',
      { email: 'Ann@Helpgate.test', name: '<b>Ann</b> Agent', languages: ['en', 'IT'], chatCapacity: 4 },
      adminToken,
    );
    expect(created).toEqual({
      status: 201,
      body: expect.objectContaining({
        email: 'ann@helpgate.test',
        name: 'Ann Agent',
        role: 'agent',
        languages: ['en', 'it'],
        chatCapacity: 4,
      }),
    });
    expect((await call('POST', '/agents', { email: 'ann@helpgate.test', name: 'Ann Again' }, adminToken)).status).toBe(409);

    const token = await linkTokenMailedTo('ann@helpgate.test', 'set-password', 0, 'https://desk.acme.test/console');
    const weak = await call('POST', '/auth/password', { token, password: 'short' }, '');
    expect(weak).toEqual({ status: 422, body: expect.objectContaining({ message: 'The password must be at least 10 characters' }) });
    expect((await call('POST', '/auth/password', { token, password: 'ann chooses well' }, '')).status).toBe(204);
    expect((await call('POST', '/auth/password', { token, password: 'ann chooses again' }, '')).status).toBe(410);

    const annToken = await signIn('agents', 'ann@helpgate.test', 'ann chooses well');
    expect((await call('GET', '/agents', undefined, annToken)).status).toBe(200);
    expect((await call('POST', '/agents', { email: 'eve@helpgate.test', name: 'Eve' }, annToken)).status).toBe(403);
    await eventually(() =>
      expect(identity.kafka.events<IdentityAgentChangedV1>(Topics.IdentityAgentChanged)).toEqual(
        expect.arrayContaining([expect.objectContaining({ agent: expect.objectContaining({ id: created.body.id, chatCapacity: 4 }) })]),
      ),
    );

    const deactivated = await call('PATCH', `/agents/${created.body.id}`, { active: false }, adminToken);
    expect(deactivated.status).toBe(200);
    expect((await call('POST', '/auth/agents/sign-in', { email: 'ann@helpgate.test', password: 'ann chooses well' }, '')).status).toBe(401);
  });

  it('never leaves the team without an active admin', async () => {
    const adminToken = await signIn('agents', admin.email, admin.password);
    const me = await call<{ agent: { id: string } }>('GET', '/me', undefined, adminToken);
    const demoted = await call('PATCH', `/agents/${me.body.agent.id}`, { role: 'agent' }, adminToken);
    expect(demoted).toEqual({ status: 409, body: expect.objectContaining({ code: 'agent.last_admin_protected' }) });
  });

  it('lets a contact set a portal password from an agent-sent link, sign in and see only its own profile', async () => {
    const contact = await call<{ id: string }>('POST', '/contacts', {
      email: 'carla@customer.test',
      name: 'Carla Client',
      notes: 'VIP, agents only',
    });
    expect(contact.status).toBe(201);
    expect((await call('POST', `/contacts/${contact.body.id}/password-link`)).status).toBe(202);
    const token = await linkTokenMailedTo('carla@customer.test', 'set-password');
    expect((await call('POST', '/auth/password', { token, password: 'carla portal pass' }, '')).status).toBe(204);
    expect((await call<{ lastSignedInAt: string | null }>('GET', `/contacts/${contact.body.id}`)).body.lastSignedInAt).toBeNull();

    const beforeSignIn = Date.now();
    const contactToken = await signIn('contacts', 'carla@customer.test', 'carla portal pass');
    const profile = await call<{ lastSignedInAt: string | null; lastSeenAt: string | null }>('GET', `/contacts/${contact.body.id}`);
    expect(Date.parse(profile.body.lastSignedInAt!)).toBeGreaterThanOrEqual(beforeSignIn - 1000);
    // Signing in is not mail or a chat from the contact.
    expect(profile.body.lastSeenAt).toBeNull();
    const me = await call<{ kind: string; contact: Record<string, unknown> }>('GET', '/me', undefined, contactToken);
    expect(me.body).toEqual({
      kind: 'contact',
      contact: expect.objectContaining({
        id: contact.body.id,
        portalUserName: 'carla@customer.test',
        // Setting a password through the mailed link proves the address.
        emailAddresses: [{ email: 'carla@customer.test', isPrimary: true, verified: true }],
      }),
    });
    expect(JSON.stringify(me.body)).not.toContain('VIP');
    for (const path of ['/contacts', `/contacts/${contact.body.id}`, '/agents', '/settings']) {
      expect({ path, status: (await call('GET', path, undefined, contactToken)).status }).toEqual({ path, status: 403 });
    }
  });

  it('mails a reset link only to accounts that exist, answering the same either way', async () => {
    const before = identity.kafka.events(Topics.EmailOutboundRequested).length;
    const earlierLinks = mailsWithLinkTo('carla@customer.test', 'set-password').length;
    expect((await call('POST', '/auth/password-resets', { email: 'ghost@customer.test' }, '')).status).toBe(202);
    expect((await call('POST', '/auth/password-resets', { email: 'carla@customer.test' }, '')).status).toBe(202);
    const token = await linkTokenMailedTo('carla@customer.test', 'set-password', earlierLinks);
    expect((await call('POST', '/auth/password', { token, password: 'carla new password' }, '')).status).toBe(204);
    await signIn('contacts', 'carla@customer.test', 'carla new password');
    const mails = identity.kafka.events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested).slice(before);
    expect(mails.map((event) => event.mail.to[0]!.address)).not.toContain('ghost@customer.test');
  });

  it('verifies an address through a one-time link', async () => {
    const contact = await call<{ id: string }>('POST', '/contacts', { email: 'vera@customer.test', name: 'Vera' });
    await call('POST', `/contacts/${contact.body.id}/emails`, { email: 'vera.alt@customer.test' });
    expect((await call('POST', `/contacts/${contact.body.id}/emails/nobody@customer.test/verification-link`)).status).toBe(404);
    expect((await call('POST', `/contacts/${contact.body.id}/emails/vera.alt@customer.test/verification-link`)).status).toBe(202);
    const token = await linkTokenMailedTo('vera.alt@customer.test', 'verify-email');
    expect(await call('POST', '/auth/email-verifications', { token }, '')).toEqual({
      status: 200,
      body: { email: 'vera.alt@customer.test' },
    });
    const read = await call<{ emailAddresses: { email: string; verified: boolean }[] }>('GET', `/contacts/${contact.body.id}`);
    expect(read.body.emailAddresses).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: 'vera.alt@customer.test', verified: true })]),
    );
    expect((await call('POST', '/auth/email-verifications', { token }, '')).status).toBe(410);
  });

  it('puts a working set-password link into the welcome mail when the template names one', async () => {
    expect((await call('PATCH', '/settings', { sendWelcomeMail: true })).status).toBe(200);
    const contact = await call<{ id: string }>('POST', '/contacts', { email: 'wanda@customer.test', name: 'Wanda' });
    expect(contact.status).toBe(201);
    const token = await linkTokenMailedTo('wanda@customer.test', 'set-password');
    const welcome = identity.kafka
      .events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested)
      .find((event) => event.mail.to[0]!.address === 'wanda@customer.test')!;
    expect(welcome.mail).toMatchObject({ kind: 'welcome' });
    expect(welcome.mail.text).toContain('signing in as wanda@customer.test');
    expect((await call('POST', '/auth/password', { token, password: 'wanda portal pass' }, '')).status).toBe(204);
    await signIn('contacts', 'wanda@customer.test', 'wanda portal pass');
  });

  it('welcomes each new sender of a batch of mail with a set-password link of its own that works', async () => {
    expect((await call('PATCH', '/settings', { sendWelcomeMail: true })).status).toBe(200);
    const senders = ['ona', 'oscar', 'olga'].map((name) => `${name}.${randomUUID().slice(0, 8)}@batch.test`);
    // One key, so one partition: identity resolves the mails together, creating the contacts in one transaction.
    await identity.kafka.produce(
      Topics.EmailInboundReceived,
      senders.map((address) => ({
        key: 'one-batch',
        value: JSON.stringify(emailInboundReceived(inboundMail({ from: { address, name: 'Batch Sender' } }))),
      })),
    );
    const tokens = await Promise.all(senders.map((address) => linkTokenMailedTo(address, 'set-password')));
    expect(new Set(tokens).size).toBe(senders.length);
    for (const [index, address] of senders.entries()) {
      expect((await call('POST', '/auth/password', { token: tokens[index], password: `batch portal pass ${index}` }, '')).status).toBe(204);
      await signIn('contacts', address, `batch portal pass ${index}`);
    }
  });

  it('fills a mail another service wrote with the portal address, user name and a working set-password link', async () => {
    const contact = await call<{ id: string }>('POST', '/contacts', { email: 'Paula@Customer.test', name: 'Paula Portal' });
    const ticketId = randomUUID();
    const request = accessMailRequest(contact.body.id, {
      subject: '[#7] Your portal credentials',
      text: 'Portal: {{portal.url}}\nUser name: {{ portal.username }}\nPassword: {{portal.setPasswordLink}}\nTicket {{ticket.number}}',
      messageId: '<hg.t.abc@helpgate.test>',
      ticketId,
    });
    await identity.kafka.produce(Topics.IdentityAccessMailRequested, [{ key: contact.body.id, value: JSON.stringify(request) }]);

    const sent = await eventually(() => {
      const found = mailsWithLinkTo('paula@customer.test', 'set-password').find((event) => event.mail.requestId === request.mail.requestId);
      expect(found).toBeDefined();
      return found!.mail;
    });
    expect(sent).toMatchObject({
      requestId: request.mail.requestId,
      to: [{ address: 'paula@customer.test', name: 'Paula Portal' }],
      messageId: '<hg.t.abc@helpgate.test>',
      ticketId,
      contactId: contact.body.id,
    });
    expect(sent.text).toMatch(
      /^Portal: https:\/\/portal\.acme\.test\nUser name: paula@customer\.test\nPassword: https:\/\/portal\.acme\.test\/set-password\?token=[\w-]{43}\nTicket \{\{ticket\.number\}\}$/,
    );
    const token = /token=([\w-]{43})/.exec(sent.text)![1];
    expect((await call('POST', '/auth/password', { token, password: 'paula picks one' }, '')).status).toBe(204);
    await signIn('contacts', 'paula@customer.test', 'paula picks one');
  });

  it('sends no access mail to an erased contact and publishes why, for the ticket that asked', async () => {
    const contact = await call<{ id: string }>('POST', '/contacts', { email: 'erin@customer.test', name: 'Erin Erased' });
    expect((await call('DELETE', `/contacts/${contact.body.id}`)).status).toBeLessThan(300);
    const request = accessMailRequest(contact.body.id, {
      subject: 'Your portal access',
      text: 'Portal: {{portal.url}}\nPassword: {{portal.setPasswordLink}}',
      messageId: '<hg.t.erased@helpgate.test>',
      ticketId: randomUUID(),
    });
    await identity.kafka.produce(Topics.IdentityAccessMailRequested, [{ key: contact.body.id, value: JSON.stringify(request) }]);
    await identity.kafka.produce(Topics.IdentityAccessMailRequested, [{ key: contact.body.id, value: JSON.stringify(request) }]);

    const failed = await eventually(() => {
      const found = identity.kafka
        .events<IdentityAccessMailFailedV1>(Topics.IdentityAccessMailFailed)
        .filter((event) => event.requestId === request.mail.requestId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(failed).toMatchObject({ contactId: contact.body.id, ticketId: request.mail.ticketId, reason: 'contact_erased' });
    // Same key, so same partition: a later request handled means the redelivery was too, and sent nothing.
    const unknown = { ...request, eventId: randomUUID(), contactId: randomUUID(), mail: { ...request.mail, requestId: randomUUID() } };
    await identity.kafka.produce(Topics.IdentityAccessMailRequested, [{ key: contact.body.id, value: JSON.stringify(unknown) }]);
    await eventually(() =>
      expect(identity.kafka.events<IdentityAccessMailFailedV1>(Topics.IdentityAccessMailFailed)).toContainEqual(
        expect.objectContaining({ requestId: unknown.mail.requestId, reason: 'contact_unknown' }),
      ),
    );
    expect(
      identity.kafka
        .events<IdentityAccessMailFailedV1>(Topics.IdentityAccessMailFailed)
        .filter((event) => event.requestId === request.mail.requestId),
    ).toHaveLength(1);
    expect(
      identity.kafka.events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested).map((event) => event.mail.requestId),
    ).not.toContain(request.mail.requestId);
  });
});
