import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';
import { ResolveRequesterUseCase } from '../inbound-mail/resolve-requester.use-case';
import type { ContactResponseDto } from './contact.dto';

describe('contacts API (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string };
  let globex: { id: string };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(Topics.IdentityContactChanged);
    acme = (await (await call('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] })).json()) as { id: string };
    globex = (await (await call('POST', '/organizations', { name: 'Globex', domains: ['globex.test'] })).json()) as { id: string };
  });

  afterAll(async () => {
    await identity?.close();
  });

  const call = (method: string, path: string, body?: unknown) => identity.request(method, path, body);

  async function created(body: unknown): Promise<ContactResponseDto> {
    const response = await call('POST', '/contacts', body);
    expect(response.status).toBe(201);
    return (await response.json()) as ContactResponseDto;
  }

  function changed(method: string, path: string, body?: unknown): Promise<ContactResponseDto> {
    return jsonOk<ContactResponseDto>(identity, method, path, body);
  }

  async function found(query: string): Promise<string[]> {
    const page = (await (await call('GET', `/contacts?${query}`)).json()) as { items: ContactResponseDto[] };
    return page.items.map((contact) => contact.id);
  }

  const changesOf = (contactId: string) =>
    identity.kafka.events<IdentityContactChangedV1>(Topics.IdentityContactChanged).filter((event) => event.contact.id === contactId);

  it('creates a contact with its whole profile, placed by its domain', async () => {
    const contact = await created({
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'Jane@ACME.test',
      alternateEmails: ['jane.doe@home.test'],
      phones: [{ number: '+39 (06) 1234-5678', kind: 'direct' }],
      language: 'pt-br',
      timeZone: 'Europe/Rome',
      details: 'Head of IT',
      notes: 'Prefers phone calls.\nAvailable mornings.',
      tags: ['VIP', 'beta', 'vip'],
      status: 'active',
    });
    expect(contact).toMatchObject({
      name: 'Jane Doe',
      fullName: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@acme.test',
      emails: ['jane@acme.test', 'jane.doe@home.test'],
      emailAddresses: [
        { email: 'jane@acme.test', isPrimary: true, verified: false, verifiedAt: null },
        { email: 'jane.doe@home.test', isPrimary: false, verified: false, verifiedAt: null },
      ],
      phones: [{ number: '+390612345678', kind: 'direct' }],
      organization: { id: acme.id, name: 'Acme' },
      organizations: [{ id: acme.id, name: 'Acme', isDefault: true, isPrimaryContact: false }],
      language: 'pt-BR',
      timeZone: 'Europe/Rome',
      details: 'Head of IT',
      notes: 'Prefers phone calls.\nAvailable mornings.',
      tags: ['vip', 'beta'],
      status: 'active',
      source: 'agent',
      lastSeenAt: null,
      lastSignedInAt: null,
    });
    expect(await changed('GET', `/contacts/${contact.id}`)).toEqual(contact);
  });

  it('stores names and notes as plain text', async () => {
    const contact = await created({
      name: '<script>alert(1)</script>Jane',
      email: 'markup@acme.test',
      notes: '<b>x</b>\n<img src=x onerror=alert(1)>second line',
    });
    expect(contact).toMatchObject({ name: 'Jane', firstName: 'Jane', lastName: null, notes: 'x\nsecond line' });
  });

  it('refuses bad profile values with the failing fields', async () => {
    const response = await call('POST', '/contacts', {
      name: 'Bad',
      email: 'bad@acme.test',
      timeZone: 'Mars/Olympus',
      language: 'not a language',
      tags: ['two words'],
      phones: [{ number: '12', kind: 'direct' }],
    });
    expect(response.status).toBe(400);
    const refusal = (await response.json()) as { code: string; details: { path: string }[] };
    expect(refusal.code).toBe('request.invalid_input');
    const paths = refusal.details.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'language', 'tags.0', 'phones.0.number']));
    expect((await call('POST', '/contacts', { name: '<b></b>', email: 'nameless@acme.test' })).status).toBe(422);
  });

  it('refuses an address any contact has, in any case or script, and a taken direct phone', async () => {
    await created({ name: 'Müller', email: 'info@bücher.test', phones: [{ number: '+49 30 123456', kind: 'direct' }] });
    for (const email of ['INFO@Bücher.test', 'info@xn--bcher-kva.test']) {
      const duplicate = await call('POST', '/contacts', { name: 'Copy', email });
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toMatchObject({ code: 'contact.email_taken' });
    }
    const phoneTaken = await call('POST', '/contacts', { name: 'Copy', email: 'other@bücher.test', phones: [{ number: '+4930123456' }] });
    expect(phoneTaken.status).toBe(409);
    expect(await phoneTaken.json()).toMatchObject({ code: 'contact.direct_phone_taken' });
  });

  it('lets several contacts share a shared phone number', async () => {
    const switchboard = { number: '+1 555 000 1000', kind: 'shared' };
    const first = await created({ name: 'Front Desk', email: 'desk@globex.test', phones: [switchboard] });
    const second = await created({ name: 'Back Office', email: 'office@globex.test', phones: [switchboard] });
    expect(await found('phone=%2B1-555-000-1000')).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('makes one contact when two agents create the same address at the same moment', async () => {
    const statuses = await Promise.all(
      ['Twin@Acme.test', 'twin@acme.test'].map(async (email) => (await call('POST', '/contacts', { name: 'Twin', email })).status),
    );
    expect(statuses.sort()).toEqual([201, 409]);
    expect(await found('email=twin@acme.test')).toHaveLength(1);
  });

  it('finds contacts by alternate address, name, phone, tag, organization and status', async () => {
    const contact = await created({
      firstName: 'Searchable',
      lastName: "O'Brien",
      email: 'searchable@acme.test',
      alternateEmails: ['sob@private.test'],
      phones: [{ number: '+44 20 7946 0000', kind: 'direct' }],
      tags: ['findme'],
      status: 'inactive',
    });
    for (const query of ['email=SOB@private.test', 'q=chable%20o', 'phone=%2B44%2020%207946%200000', 'tag=FindMe', 'status=inactive']) {
      expect(await found(query)).toEqual([contact.id]);
    }
    expect(await found(`organizationId=${acme.id}&tag=findme`)).toEqual([contact.id]);
    expect(await found(`organizationId=${globex.id}&tag=findme`)).toEqual([]);
    const page = await (await call('GET', '/contacts?q=searchable&limit=1&offset=0')).json();
    expect(page).toMatchObject({ total: 1, limit: 1, offset: 0 });
  });

  it('changes the profile, alternate addresses, the primary address and verification', async () => {
    const contact = await created({ name: 'Mary Ann Smith', email: 'mary@acme.test' });
    expect(contact).toMatchObject({ firstName: 'Mary', lastName: 'Ann Smith' });
    const patched = await changed('PATCH', `/contacts/${contact.id}`, { lastName: 'Jones', tags: ['gold'], notes: null, timeZone: 'UTC' });
    expect(patched).toMatchObject({ name: 'Mary Jones', tags: ['gold'], notes: null, timeZone: 'UTC' });
    await changed('POST', `/contacts/${contact.id}/emails`, { email: 'Mary.Jones@Private.test' });
    const verified = await changed('POST', `/contacts/${contact.id}/emails/mary.jones@private.test/verify`);
    expect(verified.emailAddresses).toContainEqual(expect.objectContaining({ email: 'mary.jones@private.test', verified: true }));
    const switched = await changed('PATCH', `/contacts/${contact.id}`, { primaryEmail: 'mary.jones@private.test' });
    expect(switched).toMatchObject({ email: 'mary.jones@private.test', emails: ['mary.jones@private.test', 'mary@acme.test'] });
    const primaryRemoval = await call('DELETE', `/contacts/${contact.id}/emails/mary.jones@private.test`);
    expect(await primaryRemoval.json()).toMatchObject({ code: 'contact.primary_email_protected' });
    const removed = await changed('DELETE', `/contacts/${contact.id}/emails/mary@acme.test`);
    expect(removed.emails).toEqual(['mary.jones@private.test']);
    expect((await call('PATCH', `/contacts/${contact.id}`, { primaryEmail: 'someone@else.test' })).status).toBe(404);

    await eventually(() => expect(changesOf(contact.id)).toHaveLength(6));
    expect(changesOf(contact.id).map((event) => event.change)).toEqual(['created', ...Array(5).fill('updated')]);
    expect(changesOf(contact.id)[5].contact).toMatchObject({ email: 'mary.jones@private.test', lastName: 'Jones' });
  });

  it('keeps memberships in other organizations with a primary-contact flag, the default one protected', async () => {
    const contact = await created({ name: 'Consultant', email: 'consultant@acme.test' });
    const member = await changed('PUT', `/contacts/${contact.id}/organizations/${globex.id}`, { isPrimaryContact: true });
    expect(member.organizations).toEqual([
      { id: acme.id, name: 'Acme', isDefault: true, isPrimaryContact: false },
      { id: globex.id, name: 'Globex', isDefault: false, isPrimaryContact: true },
    ]);
    expect(await found(`organizationId=${globex.id}&q=consultant`)).toEqual([contact.id]);
    const leavingDefault = await call('DELETE', `/contacts/${contact.id}/organizations/${acme.id}`);
    expect(leavingDefault.status).toBe(409);
    expect(await leavingDefault.json()).toMatchObject({ code: 'contact.default_membership_protected' });

    const moved = await changed('PATCH', `/contacts/${contact.id}`, { defaultOrganizationId: globex.id });
    expect(moved.organization).toEqual({ id: globex.id, name: 'Globex' });
    const left = await changed('DELETE', `/contacts/${contact.id}/organizations/${acme.id}`);
    expect(left.organizations).toEqual([{ id: globex.id, name: 'Globex', isDefault: true, isPrimaryContact: true }]);

    await eventually(() => expect(changesOf(contact.id)).toHaveLength(4));
    expect(changesOf(contact.id)[3].contact).toMatchObject({
      organizationId: globex.id,
      memberships: [{ organizationId: globex.id, isPrimaryContact: true }],
    });
  });

  it('records when mail from the contact last arrived, without announcing a change', async () => {
    const contact = await created({ name: 'Writer', email: 'writer@acme.test' });
    const before = Date.now();
    await identity.app.get(ResolveRequesterUseCase).execute([emailInboundReceived(inboundMail({ from: { address: 'Writer@acme.test' } }))]);
    const seen = await changed('GET', `/contacts/${contact.id}`);
    expect(Date.parse(seen.lastSeenAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(seen.updatedAt).toBe(contact.updatedAt);
  });
});
