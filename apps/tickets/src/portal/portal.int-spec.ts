import { randomUUID } from 'node:crypto';
import type { PageOf } from '@helpgate/platform';
import type { Requester } from '@helpgate/contracts';
import { agentToken, contactToken } from '../../../../test/support/auth';
import { inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { AuditEntryDto, TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import type { PortalTicketDto, PortalTicketFormDto, PortalTicketSummaryDto } from './portal.dto';

const megabyte = 1024 * 1024;

function file(filename: string, sizeBytes: number, fill = 'x') {
  return { filename, contentType: 'text/plain', contentBase64: Buffer.alloc(sizeBytes, fill).toString('base64') };
}

describe("the customer's view: the portal API (real Postgres and Kafka)", () => {
  let tickets: TicketsUnderTest;
  const acme = { id: randomUUID(), name: 'Acme' };
  const globex = { id: randomUUID(), name: 'Globex' };
  let ann: Requester;
  let amy: Requester;
  let pat: Requester;
  let carl: Requester;
  let olga: Requester;
  let departments: DepartmentDto[];
  /** Ann's ticket from mail, Carl copied, with an internal note and an agent's public reply. */
  let annsMail: TicketDetailDto;
  let amysTicket: TicketDetailDto;
  let olgasTicket: TicketDetailDto;

  const as = (contact: Requester, primaryOf: string[] = []) => ({
    request: (method: string, path: string, body?: unknown) =>
      tickets.withToken(contactToken(contact.contactId, primaryOf), method, path, body),
    async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await this.request(method, path, body);
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
  });
  const numbers = (page: PageOf<PortalTicketSummaryDto>) => page.items.map((item) => item.number).sort((a, b) => a - b);
  const sorted = (...found: { number: number }[]) => found.map((ticket) => ticket.number).sort((a, b) => a - b);
  const categoryId = (department: string) => departments.find((candidate) => candidate.name === department)!.id;
  const agentView = (id: string) => tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${id}`);
  const openFor = (requester: Requester, subject: string) =>
    tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', {
      requester: { contactId: requester.contactId },
      subject,
      body: `${subject}, please`,
    });

  beforeAll(async () => {
    tickets = await startTickets();
    ann = await tickets.knownContact('ann@acme.test', acme);
    amy = await tickets.knownContact('amy@acme.test', acme);
    pat = await tickets.knownContact('pat@acme.test', acme);
    carl = await tickets.knownContact('carl@partner.test', acme);
    olga = await tickets.knownContact('olga@globex.test', globex);
    departments = await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories');
    await tickets.deliverMail(
      inboundMail({
        from: { address: ann.email, name: 'Ann' },
        cc: [{ address: carl.email }],
        subject: 'Cannot export',
        text: 'Export fails.',
      }),
      ann,
    );
    const [fromMail] = (await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterContactId=${ann.contactId}`)).items;
    await tickets.asAgentOk('POST', `/tickets/${fromMail.id}/notes`, { body: 'Internal: customer is on the free plan.' });
    await tickets.asAgentOk('PATCH', `/tickets/${fromMail.id}`, { assigneeId: tickets.agentId, tags: ['vip'] });
    annsMail = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${fromMail.id}/replies`, { body: 'Please try again now.' });
    amysTicket = await openFor(amy, 'Amy asks');
    olgasTicket = await openFor(olga, 'Olga asks');
  });

  afterAll(async () => {
    await tickets?.close();
  });

  describe('reading', () => {
    it("shows a contact the tickets it requested or is copied on, and another contact's ticket as not found", async () => {
      const mine = await as(ann).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets');
      expect(mine).toMatchObject({ total: 1, limit: 50, offset: 0 });
      expect(mine.items).toEqual([
        {
          id: annsMail.id,
          number: annsMail.number,
          subject: 'Cannot export',
          status: 'open',
          priority: 'normal',
          category: null,
          requester: { name: ann.name, isYou: true },
          createdAt: annsMail.createdAt,
          updatedAt: annsMail.updatedAt,
          solvedAt: null,
        },
      ]);
      const copied = await as(carl).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets');
      expect(copied.items.map((item) => ({ id: item.id, requester: item.requester }))).toEqual([
        { id: annsMail.id, requester: { name: ann.name, isYou: false } },
      ]);

      for (const hidden of [amysTicket.id, olgasTicket.id]) {
        const refused = await as(ann).request('GET', `/portal/tickets/${hidden}`);
        expect(refused.status).toBe(404);
        expect(await refused.json()).toEqual({ statusCode: 404, code: 'ticket.not_found', message: `No ticket ${hidden}` });
      }
      const missing = randomUUID();
      expect(await (await as(ann).request('GET', `/portal/tickets/${missing}`)).json()).toEqual({
        statusCode: 404,
        code: 'ticket.not_found',
        message: `No ticket ${missing}`,
      });
      expect((await as(ann).request('POST', `/portal/tickets/${amysTicket.id}/replies`, { body: 'Let me in' })).status).toBe(404);
      expect((await agentView(amysTicket.id)).messages).toHaveLength(1);
    });

    it('shows the public thread only: never an internal note, and none of the fields agents keep to themselves', async () => {
      const response = await as(carl).request('GET', `/portal/tickets/${annsMail.id}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const ticket = JSON.parse(text) as PortalTicketDto;
      expect(ticket.messages.map(({ author, bodyText }) => `${author.kind}:${bodyText.split('\n')[0]}`)).toEqual([
        'requester:Export fails.',
        `system:Hello ${ann.name},`,
        'agent:Please try again now.',
      ]);
      expect(ticket.messages[0].author).toEqual({ kind: 'requester', name: 'ann', isYou: false });
      expect(ticket.ccs).toEqual([{ email: carl.email, name: null }]);
      expect(ticket.followUpOf).toBeNull();
      expect(text).not.toContain('free plan');
      for (const agentsOnly of [
        'assignee',
        'tags',
        'vip',
        'channel',
        'authentication',
        'delivery',
        'mailMessageId',
        'agentId',
        tickets.agentId,
      ]) {
        expect(text).not.toContain(agentsOnly);
      }
    });

    it('shows a primary contact all tickets of its organizations, and nobody else', async () => {
      const organization = await as(pat, [acme.id]).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets?scope=organization');
      expect(numbers(organization)).toEqual(sorted(annsMail, amysTicket));
      expect(organization.items.find((item) => item.id === amysTicket.id)!.requester).toEqual({ name: amy.name, isYou: false });
      expect((await as(pat, [acme.id]).ok<PortalTicketDto>('GET', `/portal/tickets/${amysTicket.id}`)).subject).toBe('Amy asks');
      expect((await as(pat, [acme.id]).request('GET', `/portal/tickets/${olgasTicket.id}`)).status).toBe(404);
      expect((await as(pat, [acme.id]).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets')).total).toBe(0);
      const one = await as(pat, [acme.id, globex.id]).ok<PageOf<PortalTicketSummaryDto>>(
        'GET',
        `/portal/tickets?scope=organization&organizationId=${globex.id}`,
      );
      expect(numbers(one)).toEqual(sorted(olgasTicket));

      for (const [contact, primaryOf, query] of [
        [amy, [], 'scope=organization'],
        [pat, [acme.id], `scope=organization&organizationId=${globex.id}`],
      ] as const) {
        const refused = await as(contact, [...primaryOf]).request('GET', `/portal/tickets?${query}`);
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ code: 'portal.not_primary_contact' });
      }
      expect((await as(amy).request('GET', `/portal/tickets/${annsMail.id}`)).status).toBe(404);
    });

    it('filters by the statuses a customer sees: open, awaiting your reply, solved, closed', async () => {
      const stan = await tickets.knownContact('stan@acme.test', acme);
      const [fresh, onHold, pending, solved, closed] = await Promise.all(
        ['Fresh', 'On hold', 'Pending', 'Solved', 'Closed'].map((subject) => openFor(stan, subject)),
      );
      await tickets.asAgentOk('PATCH', `/tickets/${onHold.id}`, { status: 'on-hold' });
      await tickets.asAgentOk('PATCH', `/tickets/${pending.id}`, { status: 'pending' });
      for (const done of [solved, closed]) await tickets.asAgentOk('PATCH', `/tickets/${done.id}`, { status: 'solved' });
      await tickets.asAgentOk('PATCH', `/tickets/${closed.id}`, { status: 'closed' });
      const list = (query: string) => as(stan).ok<PageOf<PortalTicketSummaryDto>>('GET', `/portal/tickets?${query}`);

      expect(numbers(await list('status=open'))).toEqual(sorted(fresh, onHold));
      expect((await list('status=awaiting-your-reply')).items.map((item) => [item.number, item.status])).toEqual([
        [pending.number, 'awaiting-your-reply'],
      ]);
      expect(numbers(await list('status=solved,closed'))).toEqual(sorted(solved, closed));
      expect((await list('status=closed')).items[0].status).toBe('closed');
      const newestFirst = await list('limit=2');
      expect(newestFirst).toMatchObject({ total: 5, limit: 2 });
      expect(newestFirst.items[0].number).toBe(closed.number);
      expect((await as(stan).request('GET', '/portal/tickets?status=pending')).status).toBe(400);
      expect((await as(stan).request('GET', '/portal/tickets?scope=everyone')).status).toBe(400);
    });

    it('is for contacts: agents are refused (they read tickets through /tickets), except for the ticket form, as its API document says', async () => {
      for (const role of ['admin', 'agent'] as const) {
        const refused = await tickets.withToken(agentToken(role), 'GET', '/portal/tickets');
        expect(refused.status).toBe(403);
        expect(await refused.json()).toEqual({ statusCode: 403, code: 'auth.wrong_audience', message: 'This API is for contacts' });
      }
      expect((await tickets.withToken(agentToken(), 'POST', `/portal/tickets/${annsMail.id}/replies`, { body: 'Hi' })).status).toBe(403);
      expect((await tickets.withToken(null, 'GET', '/portal/tickets')).status).toBe(401);

      const form = await as(ann).ok<PortalTicketFormDto>('GET', '/portal/ticket-form');
      expect(form.attachments).toEqual({ maxCount: 3, maxTotalBytes: 10 * megabyte });
      expect(form.priorities.map((priority) => priority.id)).toEqual(['low', 'normal', 'high', 'urgent']);
      expect(form.categories.map((department) => department.name)).toContain('Performance');
      expect(form.priorities.every((priority) => priority.description.length > 20)).toBe(true);
      expect(form.description.guidance.map((hint) => hint.id)).toEqual([
        'what_happened',
        'steps',
        'item',
        'goal',
        'affected_user',
        'environment',
        'recording',
      ]);
      expect((await tickets.withToken(agentToken('agent'), 'GET', '/portal/ticket-form')).status).toBe(200);

      const document = (await (await tickets.withToken(null, 'GET', '/openapi.json')).json()) as {
        paths: Record<string, Record<string, { description: string; responses: Record<string, unknown> }>>;
      };
      expect(document.paths['/portal/tickets'].get.description).toMatch(/^For contacts only/);
      expect(Object.keys(document.paths['/portal/tickets'].get.responses)).toContain('403');
      expect(document.paths['/portal/ticket-form'].get.description).toMatch(/^For agents and contacts/);
    });
  });

  describe('replying', () => {
    it("takes files with a reply, within the ticket form's limits, and serves them back to the customer", async () => {
      const ticket = await openFor(ann, 'Ann sends files');
      const replied = await as(ann).ok<PortalTicketDto>('POST', `/portal/tickets/${ticket.id}/replies`, {
        body: 'The logs you asked for.',
        attachments: [file('app.log', 2048, 'a'), file('browser.har', 4096, 'b')],
      });
      const reply = replied.messages.at(-1)!;
      expect(reply.attachments.map(({ filename, sizeBytes }) => ({ filename, sizeBytes }))).toEqual([
        { filename: 'app.log', sizeBytes: 2048 },
        { filename: 'browser.har', sizeBytes: 4096 },
      ]);
      const download = await as(ann).request('GET', reply.attachments[1]!.downloadPath!);
      expect(download.status).toBe(200);
      expect((await download.arrayBuffer()).byteLength).toBe(4096);

      const tooMany = await as(ann).request('POST', `/portal/tickets/${ticket.id}/replies`, {
        body: 'More files',
        attachments: [file('1.txt', 1), file('2.txt', 1), file('3.txt', 1), file('4.txt', 1)],
      });
      expect(tooMany.status).toBe(422);
      expect(await tooMany.json()).toMatchObject({ code: 'ticket.too_many_attachments' });
      const tooLarge = await as(ann).request('POST', `/portal/tickets/${ticket.id}/replies`, {
        body: 'A large file',
        attachments: [file('big.bin', 10 * megabyte + 1)],
      });
      expect(await tooLarge.json()).toMatchObject({ statusCode: 422, code: 'ticket.attachments_too_large' });
      expect((await as(ann).ok<PortalTicketDto>('GET', `/portal/tickets/${ticket.id}`)).messages).toHaveLength(2);
    });

    it('reopens a ticket waiting on the customer or solved, as a reply by mail does, recorded as the contact', async () => {
      const ticket = await openFor(ann, 'Waiting on Ann');
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'pending' });
      const replied = await as(ann).ok<PortalTicketDto>('POST', `/portal/tickets/${ticket.id}/replies`, {
        body: 'Here is the screenshot.',
      });
      expect(replied).toMatchObject({ id: ticket.id, status: 'open' });
      expect(replied.messages.at(-1)).toMatchObject({ author: { kind: 'requester', isYou: true }, bodyText: 'Here is the screenshot.' });

      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
      const reopened = await as(ann).ok<PortalTicketDto>('POST', `/portal/tickets/${ticket.id}/replies`, { body: 'It broke again.' });
      expect(reopened).toMatchObject({ id: ticket.id, status: 'open', solvedAt: null });

      const contact = { type: 'contact', id: ann.contactId };
      const history = await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket.id}/audit`);
      expect(
        history.items.filter((entry) => entry.actor.type === 'contact').map(({ action, actor, changes }) => ({ action, actor, changes })),
      ).toEqual([
        { action: 'message_added', actor: contact, changes: [] },
        { action: 'updated', actor: contact, changes: [{ field: 'status', from: 'pending', to: 'open' }] },
        { action: 'message_added', actor: contact, changes: [] },
        { action: 'updated', actor: contact, changes: [{ field: 'status', from: 'solved', to: 'open' }] },
      ]);
      const agentsView = await agentView(ticket.id);
      expect(agentsView.messages.at(-1)).toMatchObject({
        visibility: 'public',
        direction: 'inbound',
        author: { kind: 'requester', contactId: ann.contactId, email: ann.email, agentId: null },
      });
      await eventually(() =>
        expect(tickets.ticketEvents(ticket.id)).toContainEqual(
          expect.objectContaining({
            change: 'message_added',
            actor: contact,
            message: expect.objectContaining({ authorKind: 'requester' }),
          }),
        ),
      );
    });

    it('lets a copied contact reply into the conversation, as a CC', async () => {
      const replied = await as(carl).ok<PortalTicketDto>('POST', `/portal/tickets/${annsMail.id}/replies`, { body: 'Same problem here.' });
      expect(replied.id).toBe(annsMail.id);
      expect(replied.messages.at(-1)).toMatchObject({
        author: { kind: 'cc', name: carl.name, isYou: true },
        bodyText: 'Same problem here.',
      });
      expect((await agentView(annsMail.id)).messages.at(-1)!.author).toMatchObject({
        kind: 'cc',
        contactId: carl.contactId,
        email: carl.email,
      });
    });

    it('opens a linked follow-up for a reply to a closed ticket, which stays closed', async () => {
      const ticket = await tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', {
        requester: { contactId: ann.contactId },
        subject: 'Old request',
        body: 'Old question',
        priority: 'high',
        ccs: [carl.email],
      });
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'closed' });

      const followUp = await as(ann).ok<PortalTicketDto>('POST', `/portal/tickets/${ticket.id}/replies`, { body: 'It is back.' });
      expect(followUp.id).not.toBe(ticket.id);
      expect(followUp).toMatchObject({
        subject: 'Old request',
        status: 'open',
        priority: 'high',
        followUpOf: ticket.id,
        requester: { name: ann.name, isYou: true },
        ccs: [{ email: carl.email, name: null }],
      });
      expect(followUp.messages.map(({ author, bodyText }) => [author.kind, bodyText])).toEqual([['requester', 'It is back.']]);
      expect(await agentView(followUp.id)).toMatchObject({
        channel: 'web',
        linkedTicket: { id: ticket.id, kind: 'follow-up' },
        status: 'new',
      });
      const old = await agentView(ticket.id);
      expect(old.status).toBe('closed');
      expect(old.messages.map((message) => message.bodyText)).not.toContain('It is back.');
    });

    it('gives a primary contact replying on a colleague’s ticket a linked ticket of its own, as mail does', async () => {
      const own = await as(pat, [acme.id]).ok<PortalTicketDto>('POST', `/portal/tickets/${amysTicket.id}/replies`, { body: 'Me too.' });
      expect(own.id).not.toBe(amysTicket.id);
      expect(own).toMatchObject({ requester: { name: pat.name, isYou: true }, followUpOf: null, ccs: [] });
      expect(await agentView(own.id)).toMatchObject({
        linkedTicket: { id: amysTicket.id, kind: 'other-sender' },
        requester: { contactId: pat.contactId },
      });
      expect((await agentView(amysTicket.id)).messages.map((message) => message.bodyText)).not.toContain('Me too.');
    });
  });

  describe('opening', () => {
    it("opens a web ticket from the portal's form with the contact as requester, and serves its files to it alone", async () => {
      const attachment = file('steps.txt', 1024);
      const opened = await as(amy).request('POST', '/portal/tickets', {
        categoryId: categoryId('Performance'),
        priority: 'high',
        subject: 'Reports are slow',
        description: 'Reports take minutes to load since Monday.',
        attachments: [attachment],
      });
      expect(opened.status).toBe(201);
      const ticket = (await opened.json()) as PortalTicketDto;
      expect(ticket).toMatchObject({
        subject: 'Reports are slow',
        status: 'open',
        priority: 'high',
        category: { department: 'Performance', feature: null, path: 'Performance' },
        requester: { name: amy.name, isYou: true },
      });
      const [message] = ticket.messages;
      expect(message).toMatchObject({ author: { kind: 'requester', isYou: true }, bodyText: 'Reports take minutes to load since Monday.' });
      const [{ id: sha256, downloadPath }] = message.attachments;
      expect(message.attachments).toEqual([
        { id: sha256, filename: 'steps.txt', contentType: 'text/plain', sizeBytes: 1024, downloadPath },
      ]);
      expect(downloadPath).toBe(`/portal/tickets/${ticket.id}/attachments/${sha256}`);

      const download = await as(amy).request('GET', downloadPath!);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''steps.txt");
      expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.alloc(1024, 'x'))).toBe(true);
      expect((await as(ann).request('GET', downloadPath!)).status).toBe(404);
      expect((await as(amy).request('GET', `/portal/tickets/${annsMail.id}/attachments/${sha256}`)).status).toBe(404);

      expect(await agentView(ticket.id)).toMatchObject({
        channel: 'web',
        status: 'new',
        requester: { contactId: amy.contactId, email: amy.email },
        organization: acme,
        tags: [],
        messages: [
          expect.objectContaining({ author: expect.objectContaining({ kind: 'requester', contactId: amy.contactId, agentId: null }) }),
        ],
      });
      const [created] = (await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket.id}/audit`)).items;
      expect(created).toMatchObject({ action: 'created', actor: { type: 'contact', id: amy.contactId } });
    });

    it('refuses more than 3 files or more than 10 MB in all with a clear 422, a form without category with a 400, and opens nothing', async () => {
      const form = { categoryId: categoryId('Reports'), subject: 'Files', description: 'See attached' };
      const before = (await as(amy).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets')).total;

      const tooMany = await as(amy).request('POST', '/portal/tickets', {
        ...form,
        attachments: ['a', 'b', 'c', 'd'].map((name) => file(name, 10)),
      });
      expect(tooMany.status).toBe(422);
      expect(await tooMany.json()).toMatchObject({
        code: 'ticket.too_many_attachments',
        message: 'At most 3 attachments per ticket; 4 were given',
      });
      const tooLarge = await as(amy).request('POST', '/portal/tickets', {
        ...form,
        attachments: [file('a', 6 * megabyte), file('b', 4 * megabyte), file('c', 1)],
      });
      expect(tooLarge.status).toBe(422);
      expect(await tooLarge.json()).toMatchObject({
        code: 'ticket.attachments_too_large',
        message: expect.stringContaining('at most 10 MB'),
      });

      const withoutCategory = await as(amy).request('POST', '/portal/tickets', { subject: 'Hi', description: 'Hi' });
      expect(withoutCategory.status).toBe(400);
      expect(await withoutCategory.json()).toMatchObject({ code: 'request.invalid_input', details: [{ path: 'categoryId' }] });
      const tagged = await as(amy).request('POST', '/portal/tickets', { ...form, tags: ['vip'] });
      expect(tagged.status).toBe(400);
      expect((await as(amy).ok<PageOf<PortalTicketSummaryDto>>('GET', '/portal/tickets')).total).toBe(before);
    });
  });
});
