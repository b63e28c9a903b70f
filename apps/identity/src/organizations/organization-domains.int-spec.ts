import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';

interface Organization {
  id: string;
  name: string;
  domains: string[];
  domainRules: { domain: string; includeSubdomains: boolean }[];
  isDefault: boolean;
}

interface Contact {
  id: string;
  organization: { id: string; name: string };
}

interface Conflict {
  contactId: string;
  domain: string;
  claims: { domain: string; organizationId: string; includeSubdomains: boolean }[];
}

describe('identity places contacts by organization domains (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let unassigned: Organization;

  const request = async (method: string, path: string, body?: unknown) => {
    const response = await identity.request(method, path, body);
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const createOrganization = async (name: string, domains: unknown[] = []): Promise<Organization> => {
    const created = await request('POST', '/organizations', { name, domains });
    expect(created.status).toBe(201);
    return created.body as unknown as Organization;
  };

  const contactOf = async (email: string): Promise<Contact | undefined> =>
    ((await request('GET', `/contacts?email=${encodeURIComponent(email)}`)).body as unknown as { items: Contact[] }).items[0];

  /** Mails from each address and waits until every sender is a contact. */
  const mailFrom = async (...addresses: string[]): Promise<Contact[]> => {
    await identity.kafka.produce(
      Topics.EmailInboundReceived,
      addresses.map((address) => ({ value: JSON.stringify(emailInboundReceived(inboundMail({ from: { address } }))) })),
    );
    return Promise.all(
      addresses.map((address) =>
        eventually(async () => {
          const contact = await contactOf(address);
          expect(contact).toBeDefined();
          return contact!;
        }),
      ),
    );
  };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition, { IDENTITY_FREE_MAIL_DOMAINS: 'freemail.test' });
    await identity.kafka.record(Topics.IdentityContactChanged);
    const organizations = (await request('GET', '/organizations')).body as unknown as { items: Organization[] };
    unassigned = organizations.items.find((organization) => organization.isDefault)!;
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('refuses free-mail and disposable domains with their own codes, the configured ones too', async () => {
    const refusals = [
      await request('POST', '/organizations', { name: 'Gmail users', domains: ['gmail.com'] }),
      await request('POST', '/organizations', { name: 'Configured', domains: [{ domain: 'FreeMail.test' }] }),
      await request('POST', '/organizations', { name: 'Throwaway', domains: [{ domain: 'eu.mailinator.com', includeSubdomains: true }] }),
    ];
    expect(refusals.map(({ status, body }) => [status, body.code])).toEqual([
      [422, 'organization.free_mail_domain'],
      [422, 'organization.free_mail_domain'],
      [422, 'organization.disposable_domain'],
    ]);
    const organization = await createOrganization('Refusing Ltd');
    const added = await request('POST', `/organizations/${organization.id}/domains`, { domain: 'yopmail.com' });
    expect([added.status, added.body.code]).toEqual([422, 'organization.disposable_domain']);
    expect((await request('GET', `/organizations/${organization.id}`)).body).toMatchObject({ domains: [], domainRules: [] });
  });

  it('puts subdomain addresses in an organization only when its domain includes subdomains, the most specific winning', async () => {
    const acme = await createOrganization('Acme', [{ domain: 'acme.test', includeSubdomains: true }]);
    const acmeEu = await createOrganization('Acme Europe', [{ domain: 'eu.acme.test', includeSubdomains: true }]);
    const beta = await createOrganization('Beta', ['beta.test']);
    expect((await request('GET', `/organizations/${acme.id}`)).body).toMatchObject({
      domains: ['acme.test'],
      domainRules: [{ domain: 'acme.test', includeSubdomains: true }],
    });
    expect(beta.domainRules).toEqual([{ domain: 'beta.test', includeSubdomains: false }]);

    const [atAcme, atUs, atEu, atEuSupport, atBeta, atBetaSub] = await mailFrom(
      'jane@acme.test',
      'joe@us.acme.test',
      'ann@eu.acme.test',
      'desk@support.eu.acme.test',
      'bo@beta.test',
      'al@labs.beta.test',
    );
    expect(atAcme!.organization.id).toBe(acme.id);
    expect(atUs!.organization.id).toBe(acme.id);
    expect(atEu!.organization.id).toBe(acmeEu.id);
    expect(atEuSupport!.organization.id).toBe(acmeEu.id);
    expect(atBeta!.organization.id).toBe(beta.id);
    expect(atBetaSub!.organization.id).toBe(unassigned.id);
  });

  it('leaves a contact two organizations claim in "Unassigned" and lists the conflict', async () => {
    const university = await createOrganization('University', [{ domain: 'uni.test', includeSubdomains: true }]);
    const physics = await createOrganization('Physics Department', ['physics.uni.test']);
    const [contact] = await mailFrom('lab@lab.physics.uni.test');
    expect(contact!.organization.id).toBe(unassigned.id);

    const conflicts = (await request('GET', '/organizations/conflicts')).body as unknown as { items: Conflict[]; total: number };
    expect(conflicts.items).toEqual([
      expect.objectContaining({
        contactId: contact!.id,
        domain: 'lab.physics.uni.test',
        claims: expect.arrayContaining([
          { domain: 'uni.test', organizationId: university.id, includeSubdomains: true },
          { domain: 'physics.uni.test', organizationId: physics.id, includeSubdomains: false },
        ]),
      }),
    ]);

    expect((await request('DELETE', `/organizations/${physics.id}/domains/physics.uni.test`)).status).toBe(204);
    const settled = await request('POST', `/organizations/${physics.id}/domains`, {
      domain: 'physics.uni.test',
      includeSubdomains: true,
      moveExistingContacts: true,
    });
    expect(settled.body).toMatchObject({ movedContacts: 1 });
    expect((await contactOf('lab@lab.physics.uni.test'))!.organization.id).toBe(physics.id);
    expect((await request('GET', '/organizations/conflicts')).body).toMatchObject({ items: [], total: 0 });
  });

  it('adds a domain and moves exactly the "Unassigned" contacts at it, announcing each', async () => {
    const previousOwner = await createOrganization('Globex Holding', ['globex.test']);
    const [stays] = await mailFrom('old@globex.test');
    expect(stays!.organization.id).toBe(previousOwner.id);
    expect((await request('DELETE', `/organizations/${previousOwner.id}/domains/globex.test`)).status).toBe(204);
    const [first, second, atSubdomain, elsewhere] = await mailFrom('a@globex.test', 'b@globex.test', 'c@eu.globex.test', 'd@other.test');
    expect([first, second, atSubdomain, elsewhere].map((contact) => contact!.organization.id)).toEqual(Array(4).fill(unassigned.id));

    const globex = await createOrganization('Globex');
    const added = await request('POST', `/organizations/${globex.id}/domains`, { domain: 'globex.test', moveExistingContacts: true });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      movedContacts: 2,
      organization: { domainRules: [{ domain: 'globex.test', includeSubdomains: false }] },
    });

    expect((await contactOf('a@globex.test'))!.organization).toEqual({ id: globex.id, name: 'Globex' });
    expect((await contactOf('b@globex.test'))!.organization.id).toBe(globex.id);
    expect((await contactOf('old@globex.test'))!.organization.id).toBe(previousOwner.id);
    expect((await contactOf('c@eu.globex.test'))!.organization.id).toBe(unassigned.id);
    expect((await contactOf('d@other.test'))!.organization.id).toBe(unassigned.id);
    const updates = await eventually(() => {
      const toGlobex = identity.kafka
        .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
        .filter((event) => event.change === 'updated' && event.contact.organizationId === globex.id);
      expect(toGlobex).toHaveLength(2);
      return toGlobex;
    });
    expect(updates.map((event) => event.contact.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(updates.every((event) => event.contact.organizationName === 'Globex')).toBe(true);
  });

  it('refuses a domain another organization has', async () => {
    const organization = await createOrganization('Copycat');
    const taken = await request('POST', `/organizations/${organization.id}/domains`, { domain: 'beta.test' });
    expect([taken.status, taken.body.code]).toEqual([409, 'organization.domain_taken']);
  });

  it('renames an organization and deletes one, announcing its contacts each time', async () => {
    const initech = await createOrganization('Initech', ['initech.test']);
    const [peter] = await mailFrom('peter@initech.test');
    const renamed = await request('PATCH', `/organizations/${initech.id}`, { name: 'Initrode' });
    expect(renamed.body).toMatchObject({ id: initech.id, name: 'Initrode' });
    expect((await request('PATCH', `/organizations/${initech.id}`, { name: 'acme' })).body).toMatchObject({
      code: 'organization.name_taken',
    });

    expect((await request('DELETE', `/organizations/${initech.id}`)).status).toBe(204);
    expect((await request('GET', `/organizations/${initech.id}`)).status).toBe(404);
    expect((await contactOf('peter@initech.test'))!.organization.id).toBe(unassigned.id);
    await eventually(() => {
      const updates = identity.kafka
        .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
        .filter((event) => event.change === 'updated' && event.contact.id === peter!.id);
      expect(updates.map((event) => event.contact.organizationName)).toEqual(['Initrode', 'Unassigned']);
    });
  });

  it('never renames, deletes or gives domains to "Unassigned"', async () => {
    const attempts = [
      await request('POST', `/organizations/${unassigned.id}/domains`, { domain: 'unassigned.test' }),
      await request('PATCH', `/organizations/${unassigned.id}`, { name: 'Nobody' }),
      await request('DELETE', `/organizations/${unassigned.id}`),
    ];
    expect(attempts.map(({ status, body }) => [status, body.code])).toEqual(Array(3).fill([409, 'organization.default_protected']));
    expect((await request('GET', `/organizations/${unassigned.id}`)).body).toMatchObject({ name: 'Unassigned', domains: [] });
  });
});
