import { randomUUID } from 'node:crypto';
import { agentToken } from '../../../../test/support/auth';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';
import type { DismissalResponseDto, DuplicateCandidateDto, DuplicatePairDto } from './duplicate-candidate.dto';

interface Page<Item> {
  items: Item[];
  total: number;
}

describe('duplicate candidates (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string };
  const contacts: Record<string, ContactResponseDto> = {};

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    acme = await json('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] });
    await json('POST', '/organizations', { name: 'Globex', domains: ['globex.test'] });
    const people: Record<string, object> = {
      directPhone: { name: 'Pat Direct', email: 'pat@acme.test', phones: [{ number: '+1 555 010 0100', kind: 'direct' }] },
      sharedPhone: { name: 'Sam Shared', email: 'sam@home.test', phones: [{ number: '+15550100100', kind: 'shared' }] },
      switchboardOne: { name: 'Front Desk', email: 'desk@globex.test', phones: [{ number: '+15550200200', kind: 'shared' }] },
      switchboardTwo: { name: 'Back Office', email: 'office@globex.test', phones: [{ number: '+15550200200', kind: 'shared' }] },
      johnAtAcme: { name: 'John Smith', email: 'john@acme.test' },
      johnAgainAtAcme: { name: 'JOHN SMITH', email: 'j.smith@acme.test' },
      johnAtGlobex: { name: 'John Smith', email: 'john@globex.test' },
      leeAtAcme: { name: 'Lee Park', email: 'lee.park@acme.test' },
      leeAtGlobexAlsoInAcme: { name: 'Lee Park', email: 'lee@globex.test' },
      maryFree: { name: 'Mary Major', email: 'mary.major@yahoo.com' },
      maryFreeToo: { name: 'Mary Major', email: 'mmajor@outlook.com' },
      jane: { name: 'Jane Doe', email: 'jane@acme.test' },
      janeTagged: { name: 'J. Doe', email: 'jane+support@acme.test' },
      gmail: { name: 'Gina One', email: 'g.i.na+news@gmail.com' },
      googlemail: { name: 'Gina Two', email: 'gina@googlemail.com' },
      dottedElsewhere: { name: 'Joe One', email: 'jo.e@outlook.com' },
      undottedElsewhere: { name: 'Joe Two', email: 'joe@outlook.com' },
    };
    for (const [key, body] of Object.entries(people)) contacts[key] = await json<ContactResponseDto>('POST', '/contacts', body);
    await json('PUT', `/contacts/${id('leeAtGlobexAlsoInAcme')}/organizations/${acme.id}`, {});
  });

  afterAll(async () => {
    await identity?.close();
  });

  function json<Body = { id: string }>(method: string, path: string, body?: unknown): Promise<Body> {
    return jsonOk<Body>(identity, method, path, body);
  }

  const id = (key: string) => contacts[key]!.id;
  const keyOf = (contactId: string) => Object.keys(contacts).find((key) => contacts[key]!.id === contactId);
  const candidatesOf = async (key: string) =>
    (await json<Page<DuplicateCandidateDto>>('GET', `/contacts/${id(key)}/duplicate-candidates`)).items.map((candidate) => ({
      contact: keyOf(candidate.contact.id),
      reasons: candidate.reasons,
    }));
  const pairs = async () =>
    (await json<Page<DuplicatePairDto>>('GET', '/duplicate-candidates?limit=200')).items.map((pair) => ({
      contacts: pair.contacts.map((contact) => keyOf(contact.id)).sort(),
      reasons: pair.reasons.map((reason) => reason.kind),
    }));

  it('suggests contacts sharing a number that is direct for one of them, but not those sharing a switchboard', async () => {
    expect(await candidatesOf('directPhone')).toEqual([
      { contact: 'sharedPhone', reasons: [{ kind: 'same_phone', number: '+15550100100' }] },
    ]);
    expect(await candidatesOf('switchboardOne')).toEqual([]);
  });

  it('suggests contacts of one organization with the same name in any case, not across organizations or in "Unassigned"', async () => {
    expect(await candidatesOf('johnAtAcme')).toEqual([
      { contact: 'johnAgainAtAcme', reasons: [{ kind: 'same_name_in_organization', organizationId: acme.id, organizationName: 'Acme' }] },
    ]);
    expect(await candidatesOf('johnAtGlobex')).toEqual([]);
    expect(await candidatesOf('leeAtAcme')).toEqual([
      {
        contact: 'leeAtGlobexAlsoInAcme',
        reasons: [{ kind: 'same_name_in_organization', organizationId: acme.id, organizationName: 'Acme' }],
      },
    ]);
    expect(await candidatesOf('maryFree')).toEqual([]);
  });

  it('suggests addresses differing by a plus-tag, or by dots where the provider ignores them', async () => {
    expect(await candidatesOf('jane')).toEqual([
      { contact: 'janeTagged', reasons: [{ kind: 'similar_address', addresses: ['jane@acme.test', 'jane+support@acme.test'] }] },
    ]);
    expect(await candidatesOf('googlemail')).toEqual([
      { contact: 'gmail', reasons: [{ kind: 'similar_address', addresses: ['gina@googlemail.com', 'g.i.na+news@gmail.com'] }] },
    ]);
    expect(await candidatesOf('dottedElsewhere')).toEqual([]);
  });

  it('lists every pair once with its reasons, a page at a time', async () => {
    expect(await pairs()).toEqual(
      expect.arrayContaining([
        { contacts: ['directPhone', 'sharedPhone'], reasons: ['same_phone'] },
        { contacts: ['johnAgainAtAcme', 'johnAtAcme'], reasons: ['same_name_in_organization'] },
        { contacts: ['jane', 'janeTagged'], reasons: ['similar_address'] },
        { contacts: ['gmail', 'googlemail'], reasons: ['similar_address'] },
        { contacts: ['leeAtAcme', 'leeAtGlobexAlsoInAcme'], reasons: ['same_name_in_organization'] },
      ]),
    );
    expect(await pairs()).toHaveLength(5);
    const page = await json<Page<DuplicatePairDto>>('GET', '/duplicate-candidates?limit=3&offset=3');
    expect(page).toMatchObject({ total: 5, limit: 3, offset: 3 });
    expect(page.items).toHaveLength(2);
    expect(await json('GET', '/duplicate-candidates?offset=10')).toEqual({ items: [], total: 5, limit: 50, offset: 10 });
  });

  it('gives every reason a pair has', async () => {
    await json('POST', `/contacts/${id('johnAgainAtAcme')}/emails`, { email: 'john+alias@acme.test' });
    expect(await candidatesOf('johnAtAcme')).toEqual([
      {
        contact: 'johnAgainAtAcme',
        reasons: [
          { kind: 'similar_address', addresses: ['john@acme.test', 'john+alias@acme.test'] },
          { kind: 'same_name_in_organization', organizationId: acme.id, organizationName: 'Acme' },
        ],
      },
    ]);
  });

  it('stops suggesting a pair an agent dismissed', async () => {
    const ann = randomUUID();
    const response = await identity.request(
      'POST',
      '/duplicate-candidates/dismissals',
      { contactIds: [id('johnAgainAtAcme'), id('johnAtAcme')] },
      { authorization: `Bearer ${agentToken('agent', ann)}` },
    );
    expect(response.status).toBe(201);
    const dismissal = (await response.json()) as DismissalResponseDto;
    expect(dismissal).toMatchObject({ contactIds: [id('johnAtAcme'), id('johnAgainAtAcme')].sort(), dismissedBy: `agent:${ann}` });
    expect(await candidatesOf('johnAtAcme')).toEqual([]);
    expect(await candidatesOf('johnAgainAtAcme')).toEqual([]);
    expect((await pairs()).map((pair) => pair.contacts)).not.toContainEqual(['johnAgainAtAcme', 'johnAtAcme']);
    const again = await json<DismissalResponseDto>('POST', '/duplicate-candidates/dismissals', {
      contactIds: [id('johnAtAcme'), id('johnAgainAtAcme')],
    });
    expect(again).toEqual(dismissal);
  });

  it('refuses dismissals of one contact twice or of unknown contacts', async () => {
    const twice = await identity.request('POST', '/duplicate-candidates/dismissals', { contactIds: [id('jane'), id('jane')] });
    expect(twice.status).toBe(400);
    const unknown = '5f0c7a4e-3a1b-4c2d-9e8f-000000000000';
    const missing = await identity.request('POST', '/duplicate-candidates/dismissals', { contactIds: [id('jane'), unknown] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'contact.not_found' });
  });

  it('merges nothing itself, forgets pairs once merged or deleted, and lists the pair with the newest contact first', async () => {
    expect(await json<ContactResponseDto>('GET', `/contacts/${id('sharedPhone')}`)).toMatchObject({ id: id('sharedPhone') });
    await json('POST', `/contacts/${id('directPhone')}/merge`, { contactId: id('sharedPhone') });
    expect(await candidatesOf('directPhone')).toEqual([]);
    const mergedAway = await identity.request('GET', `/contacts/${id('sharedPhone')}/duplicate-candidates`);
    expect(mergedAway.status).toBe(409);
    expect((await identity.request('DELETE', `/contacts/${id('janeTagged')}`)).status).toBe(204);
    expect(await candidatesOf('jane')).toEqual([]);
    expect(await pairs()).toEqual([
      { contacts: ['gmail', 'googlemail'], reasons: ['similar_address'] },
      { contacts: ['leeAtAcme', 'leeAtGlobexAlsoInAcme'], reasons: ['same_name_in_organization'] },
    ]);
  });
});
