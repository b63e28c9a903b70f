import { createHash, randomUUID } from 'node:crypto';
import type { PageOf } from '@helpgate/platform';
import { IdentityContactAnonymizedV2, IdentityContactMergedV1, Requester, Topics } from '@helpgate/contracts';
import { contactToken } from '../../../../test/support/auth';
import { contactChanged } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { AuditEntryDto, TicketDetailDto, TicketSummaryDto } from './ticket.dto';

const megabyte = 1024 * 1024;

function file(filename: string, sizeBytes: number, fill = 'x') {
  return { filename, contentType: 'application/octet-stream', contentBase64: Buffer.alloc(sizeBytes, fill).toString('base64') };
}

describe('tickets API for agents (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  let jane: Requester;
  let departments: DepartmentDto[];

  const categoryId = (department: string, feature?: string) => {
    const found = departments.find((candidate) => candidate.name === department)!;
    return feature ? found.features.find((candidate) => candidate.name === feature)!.id : found.id;
  };

  const open = (body: Record<string, unknown>) =>
    tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', { requester: { email: jane.email }, subject: 'Help', body: 'Please', ...body });

  const list = async (query: string) => (await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?${query}`)).items;

  beforeAll(async () => {
    tickets = await startTickets();
    jane = await tickets.knownContact('jane@acme.test');
    departments = await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories');
  });

  afterAll(async () => {
    await tickets?.close();
  });

  describe('opening tickets', () => {
    it('opens a web ticket for a contact known by address or id, with its organization, fields, CCs and files', async () => {
      const attachment = file('report.pdf', 2048);
      const ticket = await open({
        subject: 'Export button broken',
        body: 'Nothing happens when I click export.',
        priority: 'high',
        categoryId: categoryId('Reports'),
        tags: ['Export', 'beta', 'export'],
        ccs: ['Carl@Acme.test', 'jane@acme.test'],
        attachments: [{ ...attachment, contentType: 'application/pdf' }],
      });
      expect(ticket).toMatchObject({
        subject: 'Export button broken',
        status: 'new',
        priority: 'high',
        channel: 'web',
        category: { department: 'Reports', feature: null, path: 'Reports' },
        requester: { contactId: jane.contactId, email: 'jane@acme.test' },
        organization: { id: jane.organizationId, name: 'Acme' },
        tags: ['export', 'beta'],
        ccs: [{ email: 'carl@acme.test', name: null }],
        assigneeId: null,
        firstResponseAt: null,
        solvedAt: null,
      });
      const sha256 = createHash('sha256').update(Buffer.from(attachment.contentBase64, 'base64')).digest('hex');
      expect(ticket.messages).toEqual([
        expect.objectContaining({
          visibility: 'public',
          direction: 'inbound',
          author: expect.objectContaining({ kind: 'requester', contactId: jane.contactId, agentId: tickets.agentId }),
          bodyText: 'Nothing happens when I click export.',
          attachments: [
            { id: sha256, filename: 'report.pdf', contentType: 'application/pdf', sizeBytes: 2048, inline: false, storage: 'tickets' },
          ],
        }),
      ]);

      const download = await tickets.asAgent('GET', `/tickets/${ticket.id}/attachments/${sha256}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''report.pdf");
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.alloc(2048, 'x'))).toBe(true);
      expect((await tickets.asAgent('GET', `/tickets/${randomUUID()}/attachments/${sha256}`)).status).toBe(404);

      const byId = await tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', {
        requester: { contactId: jane.contactId },
        subject: 'Second',
        body: 'Again',
      });
      expect(byId).toMatchObject({ requester: { contactId: jane.contactId, email: 'jane@acme.test' }, priority: 'normal', category: null });
    });

    it('refuses a file more than the limit, or files over 10 MB in all, with a clear 422 (413 far beyond), and opens nothing', async () => {
      const before = (await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', '/tickets?limit=1')).total;

      const tooMany = await tickets.asAgent('POST', '/tickets', {
        requester: { email: jane.email },
        subject: 'Four files',
        body: 'See attached',
        attachments: [file('a', 10), file('b', 10), file('c', 10), file('d', 10)],
      });
      expect(tooMany.status).toBe(422);
      expect(await tooMany.json()).toMatchObject({
        code: 'ticket.too_many_attachments',
        message: 'At most 3 attachments per ticket; 4 were given',
      });

      const tooLarge = await tickets.asAgent('POST', '/tickets', {
        requester: { email: jane.email },
        subject: 'Big files',
        body: 'See attached',
        attachments: [file('a', 5 * megabyte), file('b', 5 * megabyte), file('c', 1)],
      });
      expect(tooLarge.status).toBe(422);
      expect(await tooLarge.json()).toMatchObject({
        code: 'ticket.attachments_too_large',
        message: 'Attachments may total at most 10 MB; these total 10 MB (10485761 bytes)',
      });
      const farTooLarge = await tickets.asAgent('POST', '/tickets', {
        requester: { email: jane.email },
        subject: 'Huge file',
        body: 'See attached',
        attachments: [file('huge', 12 * megabyte)],
      });
      expect(farTooLarge.status).toBe(413);
      expect(((await farTooLarge.json()) as { message: string }).message).toMatch(/^The request body is larger than the \d+ bytes/);
      expect((await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', '/tickets?limit=1')).total).toBe(before);

      const atTheLimit = await open({ attachments: [file('a', 5 * megabyte, 'a'), file('b', 5 * megabyte, 'b')] });
      expect(atTheLimit.messages[0].attachments.map((attachment) => attachment.sizeBytes)).toEqual([5 * megabyte, 5 * megabyte]);
    });

    it('refuses requesters identity has not told about, and unknown or deactivated categories', async () => {
      const unknown = await tickets.asAgent('POST', '/tickets', { requester: { email: 'nobody@acme.test' }, subject: 'Hi', body: 'Hi' });
      expect(unknown.status).toBe(422);
      expect(await unknown.json()).toMatchObject({ code: 'ticket.unknown_requester', message: expect.stringContaining('POST /contacts') });

      const retired = await tickets.asAgentOk<{ id: string }>('POST', '/categories', { department: 'Retired for tickets' });
      await tickets.asAgentOk('PATCH', `/categories/${retired.id}`, { active: false });
      for (const [id, code] of [
        [retired.id, 'ticket.inactive_category'],
        [randomUUID(), 'ticket.unknown_category'],
      ]) {
        const refused = await tickets.asAgent('POST', '/tickets', {
          requester: { email: jane.email },
          subject: 'Hi',
          body: 'Hi',
          categoryId: id,
        });
        expect(refused.status).toBe(422);
        expect(await refused.json()).toMatchObject({ code });
      }
    });

    it('finds the requester as identity last described it, following merges and forgetting erased contacts', async () => {
      const globex = { id: randomUUID(), name: 'Globex' };
      const moved = await tickets.knownContact('mover@acme.test');
      const newer = contactChanged({ ...moved, organizationId: globex.id, organizationName: globex.name });
      const older = { ...contactChanged(moved), occurredAt: new Date(Date.parse(newer.occurredAt) - 60_000).toISOString() };
      await tickets.handled(Topics.IdentityContactChanged, moved.contactId, newer);
      await tickets.handled(Topics.IdentityContactChanged, moved.contactId, older);
      expect((await open({ requester: { email: 'mover@acme.test' } })).organization).toEqual(globex);

      const survivor = await tickets.knownContact('survivor@acme.test');
      const merged: IdentityContactMergedV1 = {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        survivorId: survivor.contactId,
        mergedAwayId: moved.contactId,
      };
      await tickets.handled(Topics.IdentityContactMerged, moved.contactId, merged);
      const forMerged = await open({ requester: { contactId: moved.contactId } });
      expect(forMerged.requester).toEqual({ contactId: survivor.contactId, email: 'survivor@acme.test', name: 'survivor' });

      const erased: IdentityContactAnonymizedV2 = {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        contactId: survivor.contactId,
        name: 'Deleted contact',
        erased: { emails: ['survivor@acme.test'], names: ['survivor'] },
      };
      await tickets.handled(Topics.IdentityContactAnonymized, survivor.contactId, erased);
      const byAddress = await tickets.asAgent('POST', '/tickets', {
        requester: { email: 'survivor@acme.test' },
        subject: 'Hi',
        body: 'Hi',
      });
      expect(await byAddress.json()).toMatchObject({ code: 'ticket.unknown_requester' });
      const byId = await tickets.asAgent('POST', '/tickets', { requester: { contactId: survivor.contactId }, subject: 'Hi', body: 'Hi' });
      expect(await byId.json()).toMatchObject({ code: 'ticket.requester_without_address' });
    });

    it('names the failing fields of a malformed ticket with a 400, and is for signed-in agents only', async () => {
      const malformed = await tickets.asAgent('POST', '/tickets', {
        requester: { email: 'not an address' },
        subject: '',
        body: 'Hi',
        priority: 'critical',
        attachments: [{ filename: '../etc/passwd', contentBase64: 'not base64!' }],
      });
      expect(malformed.status).toBe(400);
      const { code, details } = (await malformed.json()) as { code: string; details: { path: string }[] };
      expect(code).toBe('request.invalid_input');
      expect(details.map((detail) => detail.path)).toEqual(
        expect.arrayContaining(['subject', 'priority', 'attachments.0.filename', 'attachments.0.contentBase64']),
      );
      const valid = { requester: { email: jane.email }, subject: 'Hi', body: 'Hi' };
      expect((await tickets.withToken(null, 'POST', '/tickets', valid)).status).toBe(401);
      expect((await tickets.withToken(contactToken(jane.contactId), 'POST', '/tickets', valid)).status).toBe(403);
    });
  });

  describe('changing tickets', () => {
    it('moves a ticket only along the allowed transitions: others answer 409 with the reason and change nothing', async () => {
      const ticket = await open({ subject: 'Transitions' });
      const refusedClose = await tickets.asAgent('PATCH', `/tickets/${ticket.id}`, { status: 'closed' });
      expect(refusedClose.status).toBe(409);
      expect(await refusedClose.json()).toEqual({
        statusCode: 409,
        code: 'ticket.invalid_status_transition',
        message: 'A new ticket cannot become closed: it can go to open, pending, on-hold, solved',
      });
      expect((await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`)).status).toBe('new');

      const solved = await tickets.asAgentOk<TicketDetailDto>('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
      expect(solved.solvedAt).not.toBeNull();
      const reopened = await tickets.asAgentOk<TicketDetailDto>('PATCH', `/tickets/${ticket.id}`, { status: 'open' });
      expect(reopened).toMatchObject({ status: 'open', solvedAt: null });
      expect((await tickets.asAgent('PATCH', `/tickets/${ticket.id}`, { status: 'new' })).status).toBe(409);

      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
      const closed = await tickets.asAgentOk<TicketDetailDto>('PATCH', `/tickets/${ticket.id}`, { status: 'closed' });
      expect(closed.status).toBe('closed');
      const reopenClosed = await tickets.asAgent('PATCH', `/tickets/${ticket.id}`, { status: 'open' });
      expect(reopenClosed.status).toBe(409);
      expect(((await reopenClosed.json()) as { message: string }).message).toContain('reply to open a follow-up');
      const retagClosed = await tickets.asAgent('PATCH', `/tickets/${ticket.id}`, { tags: ['late'] });
      expect(retagClosed.status).toBe(409);
      expect(await retagClosed.json()).toMatchObject({ code: 'ticket.closed' });
    });

    it('records every change in the history with who, what and when, and publishes it with the changed fields', async () => {
      const before = new Date();
      const ticket = await open({ subject: 'Audited', tags: ['first'] });
      const assignee = (await tickets.knownAgent()).id;
      const billing = categoryId('Service request', 'Billing');
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { priority: 'urgent', assigneeId: assignee, tags: ['first', 'vip'] });
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { categoryId: billing, priority: 'urgent' });
      await tickets.asAgentOk('POST', `/tickets/${ticket.id}/notes`, { body: 'Customer called.' });
      await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { assigneeId: null, status: 'pending' });

      const history = await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket.id}/audit`);
      const agent = { type: 'agent', id: tickets.agentId };
      expect(history.total).toBe(5);
      expect(history.items.map(({ action, actor, changes, message }) => ({ action, actor, changes, message }))).toEqual([
        {
          action: 'created',
          actor: agent,
          changes: [
            { field: 'status', from: null, to: 'new' },
            { field: 'priority', from: null, to: 'normal' },
            { field: 'tags', from: null, to: ['first'] },
          ],
          message: null,
        },
        {
          action: 'updated',
          actor: agent,
          changes: [
            { field: 'priority', from: 'normal', to: 'urgent' },
            { field: 'assigneeId', from: null, to: assignee },
            { field: 'tags', from: ['first'], to: ['first', 'vip'] },
          ],
          message: null,
        },
        { action: 'updated', actor: agent, changes: [{ field: 'categoryId', from: null, to: billing }], message: null },
        {
          action: 'message_added',
          actor: agent,
          changes: [],
          message: { id: expect.any(String), visibility: 'internal', direction: 'outbound', authorKind: 'agent' },
        },
        {
          action: 'updated',
          actor: agent,
          changes: [
            { field: 'status', from: 'new', to: 'pending' },
            { field: 'assigneeId', from: assignee, to: null },
          ],
          message: null,
        },
      ]);
      for (const entry of history.items) expect(new Date(entry.occurredAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

      const page = await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket.id}/audit?limit=2&offset=4`);
      expect(page).toMatchObject({ total: 5, limit: 2, offset: 4, items: [history.items[4]] });
      expect((await tickets.asAgent('GET', `/tickets/${randomUUID()}/audit`)).status).toBe(404);

      const published = await waitForEvents(ticket.id, 5);
      expect(published.map((event) => event.change)).toEqual(['created', 'updated', 'updated', 'message_added', 'updated']);
      expect(published[2]).toMatchObject({
        actor: agent,
        changes: [{ field: 'categoryId', from: null, to: billing }],
        ticket: {
          category: { id: billing, department: 'Service request', feature: 'Billing' },
          priority: 'urgent',
          tags: ['first', 'vip'],
        },
      });
      expect(published[4].ticket).toMatchObject({ status: 'pending', assigneeId: null, requesterEmail: 'jane@acme.test' });
    });
  });

  describe('finding tickets', () => {
    const organization = { id: randomUUID(), name: 'Globex' };
    let ann: Requester;
    let bob: Requester;
    let found: Record<'exportBug' | 'invoice' | 'outage' | 'question', TicketDetailDto>;
    const inGlobex = (query: string) => list(`organizationId=${organization.id}&${query}`);
    const numbers = (items: TicketSummaryDto[]) => items.map((ticket) => ticket.number);

    beforeAll(async () => {
      ann = await tickets.knownContact('ann@globex.test', organization);
      bob = await tickets.knownContact('bob@globex.test', organization);
      const openFor = (requester: Requester, body: Record<string, unknown>) =>
        tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', { requester: { contactId: requester.contactId }, ...body });
      found = {
        exportBug: await openFor(ann, {
          subject: 'Export button broken',
          body: 'Firefox shows a crash when exporting',
          priority: 'high',
          categoryId: categoryId('UI/UX', 'Learner issue'),
          tags: ['export'],
        }),
        invoice: await openFor(bob, { subject: 'Invoice total wrong', body: 'The invoice is too high', categoryId: categoryId('UI/UX') }),
        outage: await openFor(ann, { subject: 'Nothing loads', body: 'Platform down', priority: 'urgent', tags: ['outage', 'export'] }),
        question: await openFor(bob, { subject: 'Question about sign-in', body: 'How do I sign in with SSO?', priority: 'low' }),
      };
      await tickets.asAgentOk('POST', `/tickets/${found.invoice.id}/notes`, { body: 'Same crash in FIREFOX for finance.' });
      await tickets.asAgentOk('PATCH', `/tickets/${found.outage.id}`, { status: 'pending', assigneeId: tickets.agentId });
      await tickets.asAgentOk('PATCH', `/tickets/${found.question.id}`, { status: 'solved' });
    });

    it('filters by status, priority, category (a department with its features), requester, assignee, tag, channel and organization', async () => {
      const { exportBug, invoice, outage, question } = found;
      expect(numbers(await inGlobex('status=new'))).toEqual(numbers([invoice, exportBug]));
      expect(numbers(await inGlobex('status=pending,solved'))).toEqual(numbers([question, outage]));
      expect(numbers(await inGlobex('priority=urgent,high'))).toEqual(numbers([outage, exportBug]));
      expect(numbers(await inGlobex(`categoryId=${categoryId('UI/UX')}`))).toEqual(numbers([invoice, exportBug]));
      expect(numbers(await inGlobex(`categoryId=${categoryId('UI/UX', 'Learner issue')}`))).toEqual(numbers([exportBug]));
      expect(numbers(await inGlobex(`requesterContactId=${bob.contactId}`))).toEqual(numbers([question, invoice]));
      expect(numbers(await inGlobex('requesterEmail=ANN@globex.test'))).toEqual(numbers([outage, exportBug]));
      expect(numbers(await inGlobex(`assigneeId=${tickets.agentId}`))).toEqual(numbers([outage]));
      expect(numbers(await inGlobex('assigneeId=none'))).toEqual(numbers([question, invoice, exportBug]));
      expect(numbers(await inGlobex('tag=export'))).toEqual(numbers([outage, exportBug]));
      expect(numbers(await inGlobex('channel=web'))).toHaveLength(4);
      expect(await inGlobex('channel=email,chat')).toEqual([]);
      expect((await list(`organizationId=${randomUUID()}`)).length).toBe(0);
    });

    it('filters by creation time, from inclusive and before exclusive', async () => {
      const { exportBug, question } = found;
      expect(numbers(await inGlobex(`createdFrom=${exportBug.createdAt}&createdBefore=${question.createdAt}`))).not.toContain(
        question.number,
      );
      expect(numbers(await inGlobex(`createdFrom=${exportBug.createdAt}&createdBefore=${question.createdAt}`))).toContain(exportBug.number);
      expect(await inGlobex(`createdFrom=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
      expect(await inGlobex('createdBefore=2000-01-01')).toEqual([]);
    });

    it('finds words in the subject or any message, internal notes included, as prefixes, every word required', async () => {
      const { exportBug, invoice, question } = found;
      expect(numbers(await inGlobex('q=firefox'))).toEqual(numbers([invoice, exportBug]));
      expect(numbers(await inGlobex('q=EXPO'))).toEqual(numbers([exportBug]));
      expect(numbers(await inGlobex('q=export%20crash'))).toEqual(numbers([exportBug]));
      expect(numbers(await inGlobex('q=invoice%20finance'))).toEqual(numbers([invoice]));
      expect(await inGlobex('q=invoice%20sso')).toEqual([]);
      expect(numbers(await inGlobex(`q=${encodeURIComponent("sign-in & !(sso) ':*")}`))).toEqual(numbers([question]));
      expect((await tickets.asAgent('GET', '/tickets?q=%26%26')).status).toBe(400);
    });

    it('sorts by any listed field either way and pages through the results', async () => {
      const { exportBug, invoice, outage, question } = found;
      expect(numbers(await inGlobex('sort=-priority'))).toEqual(numbers([outage, exportBug, invoice, question]));
      expect(numbers(await inGlobex('sort=priority'))).toEqual(numbers([question, invoice, exportBug, outage]));
      expect(numbers(await inGlobex('sort=number'))).toEqual(numbers([exportBug, invoice, outage, question]));
      expect(numbers(await inGlobex('sort=status'))).toEqual(numbers([invoice, exportBug, outage, question]));
      expect(numbers(await inGlobex('sort=-updatedAt&limit=1'))).toEqual(numbers([question]));
      const secondPage = await tickets.asAgentOk<PageOf<TicketSummaryDto>>(
        'GET',
        `/tickets?organizationId=${organization.id}&sort=number&limit=2&offset=2`,
      );
      expect(secondPage).toMatchObject({ total: 4, limit: 2, offset: 2 });
      expect(numbers(secondPage.items)).toEqual(numbers([outage, question]));
      expect((await tickets.asAgent('GET', '/tickets?sort=subject')).status).toBe(400);
    });
  });

  async function waitForEvents(ticketId: string, count: number) {
    return eventually(() => {
      const events = tickets.ticketEvents(ticketId);
      expect(events).toHaveLength(count);
      return events;
    });
  }
});
