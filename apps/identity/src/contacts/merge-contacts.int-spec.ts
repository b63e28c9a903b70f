import { DataSource } from 'typeorm';
import { IdentityContactChangedV1, IdentityContactMergedV1, IdentityRequesterResolvedV2, Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';
import { ResolveRequesterUseCase } from '../inbound-mail/resolve-requester.use-case';
import type { ContactResponseDto } from './contact.dto';

const outboxSize = 'SELECT count(*)::int AS count FROM outbox_events';

describe('merging contacts (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string };
  let globex: { id: string };
  let initech: { id: string };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(Topics.IdentityContactMerged, Topics.IdentityContactChanged, Topics.IdentityRequesterResolved);
    acme = await organization('Acme', 'acme.test');
    globex = await organization('Globex', 'globex.test');
    initech = await organization('Initech', 'initech.test');
  });

  afterAll(async () => {
    await identity?.close();
  });

  const call = (method: string, path: string, body?: unknown) => identity.request(method, path, body);

  async function organization(name: string, domain: string): Promise<{ id: string }> {
    return (await (await call('POST', '/organizations', { name, domains: [domain] })).json()) as { id: string };
  }

  async function created(body: unknown): Promise<ContactResponseDto> {
    const response = await call('POST', '/contacts', body);
    expect(response.status).toBe(201);
    return (await response.json()) as ContactResponseDto;
  }

  async function merge(survivorId: string, contactId: string): Promise<Response> {
    return call('POST', `/contacts/${survivorId}/merge`, { contactId });
  }

  async function found(query: string): Promise<string[]> {
    const page = (await (await call('GET', `/contacts?${query}`)).json()) as { items: ContactResponseDto[] };
    return page.items.map((contact) => contact.id);
  }

  it('moves addresses, phones, memberships and tags to the survivor and keeps the other as a redirecting tombstone', async () => {
    const survivor = await created({
      name: 'Jane Doe',
      email: 'jane@acme.test',
      phones: [
        { number: '+39 06 1111 111', kind: 'direct' },
        { number: '+39 06 0000 000', kind: 'shared' },
      ],
      tags: ['vip'],
    });
    await call('PUT', `/contacts/${survivor.id}/organizations/${initech.id}`, { isPrimaryContact: false });
    const duplicate = await created({
      name: 'J. Doe',
      email: 'jdoe@globex.test',
      alternateEmails: ['jane.doe@home.test'],
      phones: [
        { number: '+39 06 0000 000', kind: 'shared' },
        { number: '+39 06 2222 222', kind: 'direct' },
      ],
      tags: ['beta', 'vip'],
    });
    await call('POST', `/contacts/${duplicate.id}/emails/jane.doe@home.test/verify`);
    await call('PUT', `/contacts/${duplicate.id}/organizations/${initech.id}`, { isPrimaryContact: true });

    const response = await merge(survivor.id, duplicate.id);
    expect(response.status).toBe(200);
    const merged = (await response.json()) as ContactResponseDto;
    expect(merged).toMatchObject({
      id: survivor.id,
      name: 'Jane Doe',
      email: 'jane@acme.test',
      emails: ['jane@acme.test', 'jane.doe@home.test', 'jdoe@globex.test'],
      phones: [
        { number: '+39060000000', kind: 'shared' },
        { number: '+39061111111', kind: 'direct' },
        { number: '+39062222222', kind: 'direct' },
      ],
      organization: { id: acme.id, name: 'Acme' },
      organizations: [
        { id: acme.id, name: 'Acme', isDefault: true, isPrimaryContact: false },
        { id: globex.id, name: 'Globex', isDefault: false, isPrimaryContact: false },
        { id: initech.id, name: 'Initech', isDefault: false, isPrimaryContact: true },
      ],
      tags: ['vip', 'beta'],
      status: 'active',
    });
    expect(merged.emailAddresses).toContainEqual(
      expect.objectContaining({ email: 'jane.doe@home.test', isPrimary: false, verified: true }),
    );

    const tombstone = await call('GET', `/contacts/${duplicate.id}`);
    expect(tombstone.status).toBe(308);
    expect(new URL(tombstone.headers.get('location')!, `${identity.baseUrl}/contacts/${duplicate.id}`).pathname).toBe(
      `/contacts/${survivor.id}`,
    );
    const followed = await identity.fetch(`/contacts/${duplicate.id}`);
    expect(((await followed.json()) as ContactResponseDto).id).toBe(survivor.id);

    for (const query of ['email=jdoe@globex.test', 'q=J.%20Doe', 'phone=%2B39%2006%202222%20222', `organizationId=${globex.id}`]) {
      expect(await found(query)).not.toContain(duplicate.id);
    }
    expect(await found('email=jdoe@globex.test')).toEqual([survivor.id]);
    expect(await found('status=inactive')).not.toContain(duplicate.id);

    await eventually(() => {
      const merges = identity.kafka.events<IdentityContactMergedV1>(Topics.IdentityContactMerged);
      expect(merges.filter((event) => event.mergedAwayId === duplicate.id)).toEqual([
        expect.objectContaining({ survivorId: survivor.id, mergedAwayId: duplicate.id }),
      ]);
    });
    const mergeRecords = identity.kafka.messages(Topics.IdentityContactMerged).filter((message) => message.key === duplicate.id);
    expect(mergeRecords).toHaveLength(1);
    await eventually(() =>
      expect(
        identity.kafka
          .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
          .filter((event) => event.contact.id === survivor.id && event.contact.memberships?.length === 3),
      ).toEqual([expect.objectContaining({ change: 'updated' })]),
    );
  });

  it('resolves later mail from a former address of the merged-away contact to the survivor', async () => {
    const survivor = await created({ name: 'Ann', email: 'ann@acme.test' });
    const duplicate = await created({ name: 'Ann B', email: 'ann.b@acme.test' });
    expect((await merge(survivor.id, duplicate.id)).status).toBe(200);

    const mail = inboundMail({ from: { address: 'Ann.B@acme.test' } });
    await identity.app.get(ResolveRequesterUseCase).execute([emailInboundReceived(mail)]);
    await eventually(() => {
      const resolved = identity.kafka
        .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
        .find((event) => event.mail.inboundMessageId === mail.inboundMessageId);
      expect(resolved?.requester).toMatchObject({ contactId: survivor.id, email: 'ann.b@acme.test' });
    });
    expect(await found('email=ann.b@acme.test')).toEqual([survivor.id]);
  });

  it('refuses merging a contact into itself, unknown contacts and merged-away ones, with codes', async () => {
    const survivor = await created({ name: 'Bob', email: 'bob@acme.test' });
    const duplicate = await created({ name: 'Bobby', email: 'bobby@acme.test' });
    const unknown = '00000000-0000-4000-8000-000000000000';

    const itself = await merge(survivor.id, survivor.id);
    expect(itself.status).toBe(422);
    expect(await itself.json()).toMatchObject({ code: 'contact.merge_into_itself' });
    for (const [survivorId, contactId] of [
      [survivor.id, unknown],
      [unknown, duplicate.id],
    ]) {
      const missing = await merge(survivorId, contactId);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ code: 'contact.not_found' });
    }

    expect((await merge(survivor.id, duplicate.id)).status).toBe(200);
    for (const [survivorId, contactId] of [
      [survivor.id, duplicate.id],
      [duplicate.id, survivor.id],
    ]) {
      const again = await merge(survivorId, contactId);
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'contact.merged_away' });
    }
    const patched = await call('PATCH', `/contacts/${duplicate.id}`, { tags: ['late'] });
    expect(patched.status).toBe(409);
    expect((await call('POST', `/contacts/${survivor.id}/merge`, { contactId: 'not-a-uuid' })).status).toBe(400);
    // A refused merge that still wrote an event would have written it to the outbox: once the outbox is empty and
    // every record of the topic is read, such an event would be among them.
    await eventually(async () => expect(await identity.app.get(DataSource).query(outboxSize)).toEqual([{ count: 0 }]));
    await eventually(async () => expect(await identity.kafka.hasRecordedAll(Topics.IdentityContactMerged)).toBe(true));
    expect(identity.kafka.messages(Topics.IdentityContactMerged).filter((message) => message.key === duplicate.id)).toHaveLength(1);
  });
});
