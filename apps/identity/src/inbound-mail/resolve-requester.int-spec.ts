import { IdentityContactChangedV1, IdentityRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityService } from '../identity.service';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

describe('identity resolves the requester of inbound mail (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityService);
    await identity.kafka.record(Topics.IdentityRequesterResolved, Topics.IdentityContactChanged);
    const response = await identity.fetch(`/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme', domains: ['ACME.test'] }),
    });
    expect(response.status).toBe(201);
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function contactsFor(email: string) {
    const response = await identity.fetch(`/contacts?email=${encodeURIComponent(email)}`);
    return (await response.json()) as { total: number; items: { id: string; name: string; organization: { name: string } }[] };
  }

  it('creates a contact in the organization owning the sender domain and announces the requester', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'Jane@Acme.test', name: 'Jane Doe' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ key: 'jane@acme.test', value: JSON.stringify(event) }]);

    const resolved = await eventually(() => {
      const found = identity.kafka
        .events<IdentityRequesterResolvedV1>(Topics.IdentityRequesterResolved)
        .find((candidate) => candidate.mail.inboundMessageId === event.mail.inboundMessageId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(resolved.requester).toMatchObject({ email: 'jane@acme.test', name: 'Jane Doe', organizationName: 'Acme' });
    const contacts = await contactsFor('jane@acme.test');
    expect(contacts.items).toEqual([
      expect.objectContaining({ id: resolved.requester.contactId, organization: expect.objectContaining({ name: 'Acme' }) }),
    ]);
    const created = identity.kafka.events<IdentityContactChangedV1>(Topics.IdentityContactChanged);
    expect(created.filter((change) => change.contact.id === resolved.requester.contactId)).toHaveLength(1);
  });

  it('puts a sender of an unknown domain in "Unassigned"', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'bob@unknown.test' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(event) }]);
    const contacts = await eventually(async () => {
      const found = await contactsFor('bob@unknown.test');
      expect(found.total).toBe(1);
      return found;
    });
    expect(contacts.items[0]).toMatchObject({ name: 'bob', organization: { name: 'Unassigned' } });
  });

  it('handles a redelivered event once', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'redelivered@acme.test' } }));
    const record = { value: JSON.stringify(event) };
    await identity.kafka.produce(Topics.EmailInboundReceived, [record, record]);
    const marker = emailInboundReceived(inboundMail({ from: { address: 'marker@acme.test' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(marker) }]);
    await eventually(async () => expect((await contactsFor('marker@acme.test')).total).toBe(1));
    const announcements = identity.kafka
      .events<IdentityRequesterResolvedV1>(Topics.IdentityRequesterResolved)
      .filter((resolved) => resolved.mail.inboundMessageId === event.mail.inboundMessageId);
    expect(announcements).toHaveLength(1);
  });

  it('creates one contact when first mails from a new sender are resolved at the same moment', async () => {
    const useCase = identity.app.get(ResolveRequesterUseCase);
    const mails = Array.from({ length: 6 }, () => emailInboundReceived(inboundMail({ from: { address: 'rush@newcomer.test' } })));
    await Promise.all(mails.map((event) => useCase.execute([event])));
    const contacts = await contactsFor('rush@newcomer.test');
    expect(contacts.total).toBe(1);
  });

  it('does not create contacts for automated mail from unknown senders', async () => {
    const bounce = emailInboundReceived(inboundMail({ from: { address: 'mailer-daemon@far.test' }, isAutomated: true }));
    await identity.app.get(ResolveRequesterUseCase).execute([bounce]);
    expect((await contactsFor('mailer-daemon@far.test')).total).toBe(0);
  });

  it('refuses an organization whose domain is taken, and a malformed one', async () => {
    const post = (body: unknown) =>
      identity.fetch(`/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const taken = await post({ name: 'Acme Copy', domains: ['acme.test'] });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'organization.domain_taken' });
    expect((await post({ name: 'Acme', domains: [] })).status).toBe(409);
    expect((await post({ name: '', domains: [] })).status).toBe(400);
    expect((await post({ name: 'Bad', domains: ['not a domain'] })).status).toBe(422);
  });
});
