import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PageOf } from '@helpgate/platform';
import { IdentityContactAnonymizedV2, IdentityContactMergedV1, InboundMail, Requester, Topics } from '@helpgate/contracts';
import { contactAnonymized, contactChanged, inboundMail } from '../../../../test/support/events';
import { contactToken } from '../../../../test/support/auth';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import { PersonalDataRepository } from './personal-data.repository';

describe("tickets erase a contact's personal data when identity anonymizes it (real Postgres and Kafka)", () => {
  let tickets: TicketsUnderTest;
  const acme = { organizationId: randomUUID(), organizationName: 'Acme' };
  const jane: Requester = { contactId: randomUUID(), email: 'jane.doe@acme.test', name: 'Jane Doe', ...acme };
  const janeAtHome: Requester = { contactId: randomUUID(), email: 'jd@home.test', name: 'J. Doe', ...acme };
  const bob: Requester = { contactId: randomUUID(), email: 'bob@acme.test', name: 'Bob Stone', ...acme };
  const carl = { address: 'carl@acme.test', name: 'Carl Clark' };

  async function mailed(from: Requester, mail: Partial<InboundMail>): Promise<TicketDetailDto> {
    await tickets.deliverMail(inboundMail({ from: { address: from.email, name: from.name }, ...mail }), from);
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterContactId=${from.contactId}&limit=1`);
    return ticket(page.items[0].id);
  }
  const ticket = (id: string) => tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${id}`);

  beforeAll(async () => {
    tickets = await startTickets();
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('keeps the tickets and their conversations but not who the contact was: names, addresses, CC entries', async () => {
    const own = await mailed(jane, {
      subject: 'Invoice for Jane Doe',
      cc: [carl],
      text: 'Hello, please send the invoice to JANE.DOE@acme.test or jd@home.test. Call me on +1 555 0100.\n-- \nJane Doe',
    });
    const copied = await mailed(bob, {
      subject: 'Team access',
      cc: [{ address: jane.email, name: 'Jane D.' }],
      text: 'Add Jane Doe and me.',
    });
    await tickets.deliverMail(
      inboundMail({ from: { address: jane.email, name: jane.name }, subject: `Re: Team access [#${copied.number}]`, text: 'Yes, me too.' }),
      jane,
    );
    const unrelated = await mailed(bob, { subject: 'Other question', text: 'Jane Doe told me to ask.' });
    const fromHome = await mailed(janeAtHome, { subject: 'From my home address', text: 'It is me, Jane.' });
    const merged: IdentityContactMergedV1 = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      survivorId: jane.contactId,
      mergedAwayId: janeAtHome.contactId,
    };
    await tickets.handled(Topics.IdentityContactMerged, janeAtHome.contactId, merged);

    const anonymized: IdentityContactAnonymizedV2 = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      contactId: jane.contactId,
      name: 'Deleted contact',
      erased: { emails: [jane.email, janeAtHome.email], names: [jane.name] },
    };
    await tickets.handled(Topics.IdentityContactAnonymized, jane.contactId, anonymized);

    const erasedOwn = await ticket(own.id);
    expect(erasedOwn).toMatchObject({
      subject: 'Invoice for Deleted contact',
      requester: { contactId: jane.contactId, email: null, name: 'Deleted contact' },
      ccs: [{ email: 'carl@acme.test', name: 'Carl Clark' }],
    });
    const [request, acknowledgement] = erasedOwn.messages;
    expect(request.author).toMatchObject({ kind: 'requester', contactId: jane.contactId, email: null, name: 'Deleted contact' });
    expect(request.bodyText).toBe(
      'Hello, please send the invoice to [address erased] or [address erased]. Call me on +1 555 0100.\n-- \nDeleted contact',
    );
    expect(acknowledgement.bodyText).toMatch(/^Hello Deleted contact,/);

    const erasedCopied = await ticket(copied.id);
    expect(erasedCopied.requester).toEqual({ contactId: bob.contactId, email: bob.email, name: 'Bob Stone' });
    expect(erasedCopied.ccs).toEqual([]);
    expect(erasedCopied.messages[0].bodyText).toBe('Add Deleted contact and me.');
    const janesReply = erasedCopied.messages.find((message) => message.author.contactId === jane.contactId)!;
    expect(janesReply).toMatchObject({ author: { kind: 'cc', email: null, name: 'Deleted contact' }, bodyText: 'Yes, me too.' });

    expect((await ticket(unrelated.id)).messages[0].bodyText).toBe('Jane Doe told me to ask.');
    expect((await ticket(fromHome.id)).requester).toEqual({ contactId: jane.contactId, email: null, name: 'Deleted contact' });

    for (const address of [jane.email, janeAtHome.email]) {
      expect((await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterEmail=${address}`)).total).toBe(0);
    }
    expect((await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?q=invoice%20jane`)).total).toBe(0);
    const remembered = await tickets.database.query(
      `SELECT email FROM contact_addresses WHERE email = ANY($1)
       UNION ALL SELECT recipient FROM automatic_replies WHERE recipient = ANY($1)
       UNION ALL SELECT name FROM contacts WHERE id = ANY($2) AND name <> 'Deleted contact'`,
      [
        [jane.email, janeAtHome.email],
        [jane.contactId, janeAtHome.contactId],
      ],
    );
    expect(remembered.rows).toEqual([]);
  });

  it('forgets the number a contact asked to be called at and the address of its customer-success requests', async () => {
    const dora = await tickets.knownContact(`dora-${randomUUID()}@acme.test`);
    const [security] = (await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories')).filter(
      (department) => department.name === 'Security',
    );
    const opened = await tickets.withToken(contactToken(dora.contactId), 'POST', '/portal/tickets', {
      categoryId: security!.id,
      subject: 'Call me',
      description: 'About our audit.',
      phoneCallback: { phone: '+41 44 668 18 00', recordingConsent: true },
    });
    const { id } = (await opened.json()) as { id: string };
    await tickets.asAgentOk('PATCH', '/settings', { customerSuccessForm: { enabled: true, categoryId: security!.id } });
    const submitted = await fetch(`${tickets.baseUrl}/customer-success/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: dora.email, message: 'Renewal' }),
    });
    expect(submitted.status).toBe(202);

    await tickets.handled(
      Topics.IdentityContactAnonymized,
      dora.contactId,
      contactAnonymized(dora.contactId, { emails: [dora.email], names: [] }),
    );

    expect((await ticket(id)).callbackRequest).toMatchObject({ phone: '', recordingConsent: true });
    const remembered = await tickets.database.query('SELECT 1 FROM customer_success_submissions WHERE email = $1', [dora.email]);
    expect(remembered.rows).toEqual([]);
  });

  it('mails nobody on an erased ticket: replies are refused, notes and changes go on and publish an empty address', async () => {
    const erasedRequester: Requester = { contactId: randomUUID(), email: 'gone@acme.test', name: 'Gone Person', ...acme };
    const opened = await mailed(erasedRequester, { subject: 'Soon erased' });
    const anonymized: IdentityContactAnonymizedV2 = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      contactId: erasedRequester.contactId,
      name: 'Deleted contact',
      erased: { emails: [erasedRequester.email], names: [erasedRequester.name] },
    };
    await tickets.handled(Topics.IdentityContactAnonymized, erasedRequester.contactId, anonymized);

    const refused = await tickets.asAgent('POST', `/tickets/${opened.id}/replies`, { body: 'Hello?' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'ticket.requester_erased', message: expect.stringContaining('internal note') });
    await tickets.asAgentOk('POST', `/tickets/${opened.id}/notes`, { body: 'Requester erased on request.' });
    await tickets.asAgentOk('PATCH', `/tickets/${opened.id}`, { status: 'solved' });
    const published = await eventually(() => {
      const events = tickets.ticketEvents(opened.id).filter((event) => event.change === 'updated');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(published[0].ticket).toMatchObject({ status: 'solved', requesterContactId: erasedRequester.contactId, requesterEmail: '' });
  });

  it('files nothing resolved for a contact before its erasure but handled after it: no ticket, no directory entry', async () => {
    const late: Requester = { contactId: randomUUID(), email: 'late.writer@acme.test', name: 'Lena Late', ...acme };
    const resolvedBeforeErasure = inboundMail({ from: { address: late.email, name: late.name }, subject: 'Lena Late writes' });
    const describedBeforeErasure = contactChanged(late);
    await tickets.handled(
      Topics.IdentityContactAnonymized,
      late.contactId,
      contactAnonymized(late.contactId, { emails: [late.email], names: [late.name] }),
    );

    await tickets.deliverMail(resolvedBeforeErasure, late);
    await tickets.handled(Topics.IdentityContactChanged, late.contactId, describedBeforeErasure);

    expect((await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterContactId=${late.contactId}`)).total).toBe(0);
    const byAddress = await tickets.asAgent('POST', '/tickets', { requester: { email: late.email }, subject: 'Hi', body: 'Hi' });
    expect(await byAddress.json()).toMatchObject({ code: 'ticket.unknown_requester' });
    const mentions = await tickets.database.query(
      `SELECT subject FROM tickets WHERE subject ILIKE '%Lena Late%' OR requester_email = $1
       UNION ALL SELECT body_text FROM ticket_messages WHERE author_email = $1 OR author_name = $2
       UNION ALL SELECT email FROM contact_addresses WHERE email = $1
       UNION ALL SELECT recipient FROM automatic_replies WHERE recipient = $1
       UNION ALL SELECT name FROM contacts WHERE id = $3`,
      [late.email, late.name, late.contactId],
    );
    expect(mentions.rows).toEqual([]);
  });

  it('counts the tickets the erased contacts requested, not those they were copied on (what the erasure logs)', async () => {
    const counted: Requester = { contactId: randomUUID(), email: `counted-${randomUUID()}@acme.test`, name: 'Cora Counted', ...acme };
    await mailed(counted, { subject: 'First request' });
    await mailed(counted, { subject: 'Second request' });
    await mailed(counted, { subject: 'Third request' });
    await mailed(bob, { subject: 'Copying Cora', cc: [{ address: counted.email, name: counted.name }] });

    const personalData = tickets.app.get(PersonalDataRepository);
    const requested = await tickets.app
      .get(DataSource)
      .transaction((manager) => personalData.eraseIdentities([counted.contactId], [counted.email], 'Deleted contact', manager));

    // Three, and not two: the count is not the length of TypeORM's [rows, count] answer.
    expect(requested).toBe(3);
  });
});
