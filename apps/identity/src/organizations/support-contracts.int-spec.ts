import { DataSource } from 'typeorm';
import { IdentityOrganizationChangedV1, Topics } from '@helpgate/contracts';
import type { OpenApiDocument } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';
import type { OrganizationResponseDto } from './organization.dto';

describe('organizations’ support contracts and their events (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(Topics.IdentityOrganizationChanged);
  });

  afterAll(async () => {
    await identity?.close();
  });

  const call = <T>(method: string, path: string, body?: unknown) => jsonOk<T>(identity, method, path, body);

  const announced = (organizationId: string) =>
    identity.kafka
      .events<IdentityOrganizationChangedV1>(Topics.IdentityOrganizationChanged)
      .filter((event) => event.organization.id === organizationId)
      .map((event) => event.organization);

  async function unassigned(): Promise<OrganizationResponseDto> {
    const { items } = await call<{ items: OrganizationResponseDto[] }>('GET', '/organizations');
    return items.find((organization) => organization.isDefault)!;
  }

  it('announces "Unassigned", which exists from the start, without a contract', async () => {
    const { id } = await unassigned();
    await eventually(() => expect(announced(id)).toEqual([{ id, name: 'Unassigned', supportContractActiveUntil: null }]));
  });

  it('announces an organization when it is created, renamed and given or relieved of a contract', async () => {
    const created = await call<OrganizationResponseDto>('POST', '/organizations', { name: 'Globex', domains: ['globex.test'] });
    expect(created.supportContractActiveUntil).toBeNull();

    await call('PATCH', `/organizations/${created.id}`, { name: 'Globex Corp' });
    const contracted = await call<OrganizationResponseDto>('PUT', `/organizations/${created.id}/support-contract`, {
      activeUntil: '2027-06-30',
    });
    expect(contracted).toMatchObject({ id: created.id, name: 'Globex Corp', supportContractActiveUntil: '2027-06-30' });
    expect(await call<OrganizationResponseDto>('GET', `/organizations/${created.id}`)).toMatchObject({
      supportContractActiveUntil: '2027-06-30',
    });
    await call('PUT', `/organizations/${created.id}/support-contract`, { activeUntil: null });

    await eventually(() =>
      expect(announced(created.id)).toEqual([
        { id: created.id, name: 'Globex', supportContractActiveUntil: null },
        { id: created.id, name: 'Globex Corp', supportContractActiveUntil: null },
        { id: created.id, name: 'Globex Corp', supportContractActiveUntil: '2027-06-30' },
        { id: created.id, name: 'Globex Corp', supportContractActiveUntil: null },
      ]),
    );
  });

  it('lets admins alone set a contract, to a real day, and never on "Unassigned"', async () => {
    const { id } = await call<OrganizationResponseDto>('POST', '/organizations', { name: 'Initech' });
    const put = (organizationId: string, body: unknown, token = agentToken('admin')) =>
      identity.request('PUT', `/organizations/${organizationId}/support-contract`, body, { authorization: `Bearer ${token}` });

    expect((await put(id, { activeUntil: '2027-01-31' }, agentToken('agent'))).status).toBe(403);
    for (const activeUntil of ['2027-02-30', '31.01.2027', '2027-01-31T00:00:00Z', 20270131]) {
      expect({ activeUntil, status: (await put(id, { activeUntil })).status }).toEqual({ activeUntil, status: 400 });
    }
    expect((await put(id, {})).status).toBe(400);
    const refused = await put((await unassigned()).id, { activeUntil: '2027-01-31' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'organization.default_protected' });
    expect((await call<OrganizationResponseDto>('GET', `/organizations/${id}`)).supportContractActiveUntil).toBeNull();
  });

  it('is described in the API document as for admins, with the contract’s day in its body', async () => {
    const document = (await (await fetch(`${identity.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    const setContract = document.paths['/organizations/{id}/support-contract'].put;
    expect(setContract?.description).toMatch(/admins only/);
    expect(setContract?.requestBody?.content['application/json'].schema).toMatchObject({
      properties: { activeUntil: expect.anything() },
      required: ['activeUntil'],
    });
  });

  it('goes down and up again through its migration, announcing every organization that exists once more', async () => {
    const dataSource = identity.app.get(DataSource);
    const { id } = await call<OrganizationResponseDto>('POST', '/organizations', { name: 'Umbrella' });
    await call('PUT', `/organizations/${id}/support-contract`, { activeUntil: '2028-12-31' });
    await eventually(() => expect(announced(id)).toHaveLength(2));

    await undoMigrationsThrough(dataSource, 'OrganizationSupportContracts1763900000192');
    expect(await dataSource.query(`SELECT 1 FROM information_schema.columns WHERE column_name = 'support_contract_active_until'`)).toEqual(
      [],
    );
    await dataSource.runMigrations({ transaction: 'each' });

    const unassignedId = (await unassigned()).id;
    await eventually(() => {
      expect(announced(id)).toHaveLength(3);
      expect(announced(unassignedId)).toHaveLength(2);
    });
    expect(announced(id)[2]).toEqual({ id, name: 'Umbrella', supportContractActiveUntil: null });
  });
});
