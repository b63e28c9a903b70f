import type { PageOf } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { inboundMail } from '../../../../test/support/events';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { PriorityDefinition } from '../domain/priorities';
import type { TicketSummaryDto } from '../tickets/ticket.dto';
import type { CategoryDto, DepartmentDto } from './category.dto';

describe('categories and priorities (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;

  const departments = (query = '') => tickets.asAgentOk<DepartmentDto[]>('GET', `/categories${query}`);

  beforeAll(async () => {
    tickets = await startTickets();
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('serves the four priorities, lowest first, each with what it means for the business', async () => {
    const priorities = await tickets.asAgentOk<PriorityDefinition[]>('GET', '/priorities');
    expect(priorities.map((priority) => priority.id)).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(priorities.find((priority) => priority.id === 'high')?.description).toContain('no workaround');
    expect(priorities.find((priority) => priority.id === 'low')?.description).toContain('5%');
  });

  it('starts with the default department and feature tree, alphabetically', async () => {
    const tree = await departments();
    expect(tree).toHaveLength(20);
    expect(tree.map((department) => department.name).slice(0, 3)).toEqual(['Admin menu', 'API', 'Apps and add-ons']);
    expect(tree.find((department) => department.name === 'Service request')?.features.map((feature) => feature.name)).toEqual([
      'Account service',
      'Activate app',
      'Billing',
      'Enable chat',
      'Platform sync (production / sandbox)',
    ]);
    expect(tree.find((department) => department.name === 'Security')).toMatchObject({ active: true, features: [] });
  });

  it('lets admins (and only admins) add departments and features, rename them and deactivate them', async () => {
    const department = await tickets.asAgentOk<CategoryDto>('POST', '/categories', { department: '  Data   exports ' });
    expect(department).toMatchObject({ department: 'Data exports', feature: null, path: 'Data exports', active: true });
    const feature = await tickets.asAgentOk<CategoryDto>('POST', '/categories', { department: 'data exports', feature: 'CSV' });
    expect(feature).toMatchObject({ department: 'Data exports', feature: 'CSV', path: 'Data exports / CSV' });

    const taken = await tickets.asAgent('POST', '/categories', { department: 'Data exports', feature: 'csv' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'category.name_taken' });
    const orphan = await tickets.asAgent('POST', '/categories', { department: 'No such department', feature: 'CSV' });
    expect(orphan.status).toBe(422);
    expect(await orphan.json()).toMatchObject({ code: 'category.department_not_found' });
    const slashed = await tickets.asAgent('POST', '/categories', { department: 'A / B' });
    expect([slashed.status, ((await slashed.json()) as { code: string }).code]).toEqual([422, 'category.invalid_name']);

    const renamed = await tickets.asAgentOk<CategoryDto>('PATCH', `/categories/${department.id}`, { name: 'Exports' });
    expect(renamed.path).toBe('Exports');
    const featureRenamed = await tickets.asAgentOk<CategoryDto>('PATCH', `/categories/${feature.id}`, { name: 'CSV files' });
    expect(featureRenamed.path).toBe('Exports / CSV files');
    expect((await tickets.asAgent('PATCH', `/categories/${department.id}`, { name: 'Security' })).status).toBe(409);
    const renamedSlashed = await tickets.asAgent('PATCH', `/categories/${department.id}`, { name: 'A / B' });
    expect([renamedSlashed.status, ((await renamedSlashed.json()) as { code: string }).code]).toEqual([422, 'category.invalid_name']);

    const asPlainAgent = agentToken('agent');
    expect((await tickets.withToken(asPlainAgent, 'PATCH', `/categories/${department.id}`, { active: false })).status).toBe(403);
    expect((await tickets.withToken(asPlainAgent, 'POST', '/categories', { department: 'Agents may not' })).status).toBe(403);
    expect((await tickets.withToken(asPlainAgent, 'GET', '/categories')).status).toBe(200);

    await tickets.asAgentOk('PATCH', `/categories/${department.id}`, { active: false });
    expect((await departments()).map((candidate) => candidate.name)).not.toContain('Exports');
    expect((await departments('?includeInactive=true')).find((candidate) => candidate.name === 'Exports')).toEqual({
      id: department.id,
      name: 'Exports',
      active: false,
      features: [{ id: feature.id, name: 'CSV files', active: false, path: 'Exports / CSV files' }],
    });
  });

  it("gives a mailed ticket the category its support address names, by path, department or a feature's own name", async () => {
    const jane = await tickets.knownContact('jane@acme.test');
    await tickets.asAgentOk('POST', '/categories', { department: 'Security', feature: 'Other' });
    const legacy = await tickets.asAgentOk<CategoryDto>('POST', '/categories', { department: 'Legacy' });
    await tickets.asAgentOk('PATCH', `/categories/${legacy.id}`, { active: false });
    const labels = ['Service request / Billing', 'security', 'Enable chat', 'Other', 'Legacy'];
    for (const label of labels) {
      await tickets.deliverMail(inboundMail({ from: { address: jane.email }, subject: label, supportAddressCategory: label }), jane);
    }
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', '/tickets?requesterEmail=jane@acme.test&sort=number');
    expect(page.items.map((ticket) => [ticket.subject, ticket.category?.path ?? null])).toEqual([
      ['Service request / Billing', 'Service request / Billing'],
      ['security', 'Security'],
      ['Enable chat', 'Service request / Enable chat'],
      // A feature name two departments use (Salesforce and Security), and a deactivated department, name no category.
      ['Other', null],
      ['Legacy', null],
    ]);
  });
});
