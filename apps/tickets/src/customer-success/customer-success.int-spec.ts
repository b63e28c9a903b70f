import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Requester, TicketsCustomerSuccessSubmittedV1, Topics } from '@helpgate/contracts';
import type { OpenApiDocument, PageOf } from '@helpgate/platform';
import { contactToken } from '../../../../test/support/auth';
import { customerSuccessRequesterResolved } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import type { CustomerSuccessFormDto, CustomerSuccessReceiptDto } from './customer-success.dto';

describe('the "contact customer success" form (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  let serviceRequest: DepartmentDto;

  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${tickets.baseUrl}/customer-success/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const form = async () => (await (await fetch(`${tickets.baseUrl}/customer-success/form`)).json()) as CustomerSuccessFormDto;
  const submitted = (submissionId: string) =>
    eventually(() => {
      const found = tickets.kafka
        .events<TicketsCustomerSuccessSubmittedV1>(Topics.TicketsCustomerSuccessSubmitted)
        .find((event) => event.request.submissionId === submissionId);
      expect(found).toBeDefined();
      return found!;
    });
  const ticketsOf = async (requester: Requester) =>
    (await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterContactId=${requester.contactId}`)).items;

  beforeAll(async () => {
    tickets = await startTickets({ TICKETS_CUSTOMER_SUCCESS_MAX_PER_ADDRESS: '2', TICKETS_CUSTOMER_SUCCESS_WINDOW_MINUTES: '30' });
    await tickets.kafka.record(Topics.TicketsCustomerSuccessSubmitted);
    serviceRequest = (await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories')).find(
      (department) => department.name === 'Service request',
    )!;
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('is refused until the team enables it with its category', async () => {
    expect(await form()).toMatchObject({ enabled: false, categories: [] });
    const refused = await submit({ email: 'ann@acme.test', message: 'Hello' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'customer_success.disabled' });
    expect(
      await (await tickets.asAgent('PATCH', '/settings', { customerSuccessForm: { enabled: true, categoryId: null } })).json(),
    ).toMatchObject({
      code: 'settings.customer_success_category_required',
    });

    await tickets.asAgentOk('PATCH', '/settings', { customerSuccessForm: { enabled: true, categoryId: serviceRequest.id } });
    const offered = await form();
    expect(offered.enabled).toBe(true);
    expect(offered.categories[0]).toEqual({ id: serviceRequest.id, path: 'Service request' });
    expect(offered.categories.map((category) => category.path)).toContain('Service request / Account service');
    expect(offered.priorities.map((priority) => priority.id)).toEqual(expect.arrayContaining(['low', 'normal', 'high', 'urgent']));
  });

  it('takes a request without a token, hands the address to identity, and opens the ticket answered at that address', async () => {
    const email = `cs-${randomUUID()}@customer.test`;
    const accountService = serviceRequest.features.find((feature) => feature.name === 'Account service')!;
    const response = await submit({
      categoryId: accountService.id,
      priority: 'high',
      email: email.toUpperCase(),
      name: 'Carla Customer',
      message: 'Renewal of our contract\nWe would like to add 200 seats.',
    });
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as CustomerSuccessReceiptDto;
    expect(receipt).toEqual({ submissionId: expect.any(String), status: 'received' });

    const { request } = await submitted(receipt.submissionId);
    expect(request).toMatchObject({ email, name: 'Carla Customer', categoryId: accountService.id, priority: 'high' });

    // identity's answer: the contact of the address, found or created by the rules mail follows.
    const requester = await tickets.knownContact(email);
    const resolved = customerSuccessRequesterResolved(request, requester);
    await tickets.handled(Topics.IdentityCustomerSuccessRequesterResolved, request.submissionId, resolved);
    await tickets.handled(Topics.IdentityCustomerSuccessRequesterResolved, request.submissionId, { ...resolved, eventId: randomUUID() });

    const [summary, ...others] = await ticketsOf(requester);
    expect(others).toEqual([]);
    const ticket = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${summary!.id}`);
    expect(ticket).toMatchObject({
      subject: 'Renewal of our contract',
      channel: 'web',
      priority: 'high',
      category: { id: accountService.id, path: 'Service request / Account service' },
      tags: ['customer-success'],
      requester: expect.objectContaining({ email }),
    });
    expect(ticket.messages[0]!.bodyText).toBe('Renewal of our contract\nWe would like to add 200 seats.');
    await eventually(() =>
      expect(tickets.outboundMailsOf(ticket.id)).toEqual([expect.objectContaining({ to: [expect.objectContaining({ address: email })] })]),
    );
  });

  it('takes a signed-in customer as anyone: the ticket goes to the address given', async () => {
    const response = await submit(
      { email: `signed-in-${randomUUID()}@customer.test`, message: 'Training for our new admins?' },
      { authorization: `Bearer ${contactToken(randomUUID())}` },
    );
    expect(response.status).toBe(202);
    const { request } = await submitted(((await response.json()) as CustomerSuccessReceiptDto).submissionId);
    expect(request.categoryId).toBe(serviceRequest.id);
  });

  it('limits requests per address with 429, Retry-After and a code; refuses other categories and oversized messages', async () => {
    const email = `busy-${randomUUID()}@customer.test`;
    for (let sent = 0; sent < 2; sent += 1) expect((await submit({ email, message: `Request ${sent}` })).status).toBe(202);
    const limited = await submit({ email, message: 'One more' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(1800);
    expect(await limited.json()).toMatchObject({ statusCode: 429, code: 'customer_success.too_many_requests' });

    const security = (await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories')).find((department) => department.name === 'Security')!;
    expect(await (await submit({ email: 'x@customer.test', categoryId: security.id, message: 'Hi' })).json()).toMatchObject({
      statusCode: 422,
      code: 'customer_success.category_not_offered',
    });
    expect((await submit({ email: 'x@customer.test', message: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await submit({ email: 'not an address', message: 'Hi' })).status).toBe(400);
  });

  it('opens the ticket uncategorized when its category can no longer be given', async () => {
    const requester = await tickets.knownContact(`late-${randomUUID()}@customer.test`);
    const request = {
      ...(
        await submitted(
          ((await (await submit({ email: requester.email, message: 'Late' })).json()) as CustomerSuccessReceiptDto).submissionId,
        )
      ).request,
    };
    await tickets.handled(
      Topics.IdentityCustomerSuccessRequesterResolved,
      request.submissionId,
      customerSuccessRequesterResolved({ ...request, categoryId: randomUUID() }, requester),
    );
    const [ticket] = await ticketsOf(requester);
    expect(ticket).toMatchObject({ subject: 'Late', category: null });
  });

  it('is documented in the API document without a token', async () => {
    const document = (await (await fetch(`${tickets.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(document.paths['/customer-success/requests']!.post).toMatchObject({ security: [], responses: { 202: expect.anything() } });
    expect(document.paths['/customer-success/form']!.get!.security).toEqual([]);
  });

  it('migrates down and up again', async () => {
    const dataSource = tickets.app.get(DataSource);
    await undoMigrationsThrough(dataSource, 'CustomerSuccess1763900000272');
    expect(await dataSource.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'customer_success_submissions'")).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
  });
});
