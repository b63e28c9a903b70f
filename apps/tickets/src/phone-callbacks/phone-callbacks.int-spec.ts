import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Requester } from '@helpgate/contracts';
import type { PageOf, SettingChange } from '@helpgate/platform';
import { agentToken, contactToken } from '../../../../test/support/auth';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { PortalTicketDto, PortalTicketFormDto } from '../portal/portal.dto';
import type { TicketsSettings } from '../settings/tickets-settings';
import type { AuditEntryDto, TicketDetailDto } from '../tickets/ticket.dto';

describe('a phone call instead of a written answer, on the portal ticket form (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  let customer: Requester;
  let departments: DepartmentDto[];
  const department = (name: string) => departments.find((candidate) => candidate.name === name)!;
  const feature = (departmentName: string, name: string) =>
    department(departmentName).features.find((candidate) => candidate.name === name)!;

  const asCustomer = (method: string, path: string, body?: unknown) =>
    tickets.withToken(contactToken(customer.contactId), method, path, body);
  const form = async () => (await (await asCustomer('GET', '/portal/ticket-form')).json()) as PortalTicketFormDto;
  const newTicket = (categoryId: string, phoneCallback?: unknown) => ({
    categoryId,
    subject: `Call me ${randomUUID()}`,
    description: 'Our users cannot sign in.',
    ...(phoneCallback === undefined ? {} : { phoneCallback }),
  });
  const refusal = async (response: Response) => ({ status: response.status, body: (await response.json()) as { code?: string } });

  beforeAll(async () => {
    tickets = await startTickets();
    customer = await tickets.knownContact(`caller-${randomUUID()}@acme.test`);
    departments = await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories');
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('allows a phone call in every category until the team excludes some: none by default', async () => {
    expect(await tickets.asAgentOk<TicketsSettings>('GET', '/settings')).toEqual({
      phoneCallbackExcludedCategoryIds: [],
      customerSuccessForm: { enabled: false, categoryId: null },
    });
    const allowed = (await form()).phoneCallback.categoryIds;
    expect(allowed).toContain(department('Security').id);
    expect(allowed).toContain(feature('Performance', 'Platform outage').id);
  });

  it('lets admins exclude a department with its features, or a feature alone, audited', async () => {
    const asAgent = await tickets.withToken(agentToken('agent'), 'PATCH', '/settings', { phoneCallbackExcludedCategoryIds: [] });
    expect(asAgent.status).toBe(403);
    expect(await refusal(await tickets.asAgent('PATCH', '/settings', { phoneCallbackExcludedCategoryIds: [randomUUID()] }))).toMatchObject({
      status: 422,
      body: { code: 'ticket.unknown_category' },
    });
    const excluded = [department('Performance').id, feature('Salesforce', 'User sync').id];
    const changed = await tickets.asAgentOk<TicketsSettings>('PATCH', '/settings', { phoneCallbackExcludedCategoryIds: excluded });
    expect(changed.phoneCallbackExcludedCategoryIds).toEqual(excluded);

    const allowed = (await form()).phoneCallback.categoryIds;
    expect(allowed).not.toContain(department('Performance').id);
    expect(allowed).not.toContain(feature('Performance', 'Platform outage').id);
    expect(allowed).not.toContain(feature('Salesforce', 'User sync').id);
    expect(allowed).toContain(department('Salesforce').id);
    expect(allowed).toContain(feature('Salesforce', 'Courses sync').id);
    const audit = await tickets.asAgentOk<PageOf<SettingChange>>('GET', '/settings/audit');
    expect(audit.items[0]).toMatchObject({ setting: 'phoneCallbackExcludedCategoryIds', oldValue: [], newValue: excluded });
  });

  it('opens a ticket with the call asked for; agents see the number, its consent and a history entry', async () => {
    const response = await asCustomer(
      'POST',
      '/portal/tickets',
      newTicket(department('Security').id, { phone: '0039 (02) 1234-5678', recordingConsent: true }),
    );
    expect(response.status).toBe(201);
    const opened = (await response.json()) as PortalTicketDto;
    expect(opened).not.toHaveProperty('callbackRequest');

    const seen = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${opened.id}`);
    expect(seen.callbackRequest).toEqual({ phone: '+390212345678', recordingConsent: true, requestedAt: expect.any(String) });
    const history = (await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${opened.id}/audit`)).items;
    expect(history.map((entry) => entry.action)).toEqual(['created', 'callback_requested']);
    expect(history[1]).toMatchObject({ actor: { type: 'contact', id: customer.contactId }, note: expect.not.stringContaining('+39') });

    const written = await asCustomer('POST', '/portal/tickets', newTicket(department('Security').id));
    expect(
      (await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${((await written.json()) as PortalTicketDto).id}`)).callbackRequest,
    ).toBeNull();
  });

  it('refuses the call for excluded categories with 422, and a bad number or no consent with 400', async () => {
    const call = { phone: '+39 02 1234 5678', recordingConsent: true };
    for (const categoryId of [
      department('Performance').id,
      feature('Performance', 'General latency').id,
      feature('Salesforce', 'User sync').id,
    ]) {
      expect(await refusal(await asCustomer('POST', '/portal/tickets', newTicket(categoryId, call)))).toMatchObject({
        status: 422,
        body: { code: 'ticket.phone_callback_unavailable' },
      });
    }
    const security = department('Security').id;
    expect(
      (await asCustomer('POST', '/portal/tickets', newTicket(security, { phone: '02 1234 5678', recordingConsent: true }))).status,
    ).toBe(400);
    expect((await asCustomer('POST', '/portal/tickets', newTicket(security, { phone: call.phone, recordingConsent: false }))).status).toBe(
      400,
    );
    expect((await asCustomer('POST', '/portal/tickets', newTicket(security, { phone: call.phone }))).status).toBe(400);
  });

  it('migrates down and up again', async () => {
    const dataSource = tickets.app.get(DataSource);
    await undoMigrationsThrough(dataSource, 'PhoneCallbacks1763900000270');
    expect(
      await dataSource.query(
        "SELECT 1 FROM information_schema.tables WHERE table_name IN ('ticket_callback_requests', 'tickets_settings')",
      ),
    ).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await tickets.asAgentOk<TicketsSettings>('GET', '/settings')).phoneCallbackExcludedCategoryIds).toEqual([]);
  });
});
