import { randomUUID } from 'node:crypto';
import { IdentityContactAnonymizedV2, Topics, TicketsTicketChangedV3 } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail, ticketChanged } from '../../../../test/support/events';
import { Client } from 'pg';
import { databaseUrl } from '@helpgate/database';
import { publishAndWaitHandled } from '../../../../test/support/handled-event';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';
import type { ContactActivityPageDto } from './contact-activity.dto';
import type { ContactResponseDto } from './contact.dto';

describe('contact activity timeline and anonymized deletion (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(Topics.IdentityContactAnonymized);
  });

  afterAll(async () => {
    await identity?.close();
  });

  const request = (method: string, path: string, body?: unknown) => identity.request(method, path, body);

  function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return jsonOk<T>(identity, method, path, body);
  }

  const timeline = (contactId: string, page = 1) => call<ContactActivityPageDto>('GET', `/contacts/${contactId}/activity?page=${page}`);

  const contactOf = async (email: string) =>
    (await call<{ items: ContactResponseDto[] }>('GET', `/contacts?email=${encodeURIComponent(email)}`)).items[0];

  async function mailFrom(address: string): Promise<string> {
    const event = emailInboundReceived(inboundMail({ from: { address, name: 'Sam Sender' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(event) }]);
    return event.mail.inboundMessageId;
  }

  function ticketCreated(requesterContactId: string, number: number): TicketsTicketChangedV3 {
    return ticketChanged({ requesterContactId, number });
  }

  it('records creation from mail, mails, profile changes, opened tickets and a merge, newest first', async () => {
    const firstMail = await mailFrom('sam@acme.test');
    const sam = await eventually(async () => {
      const found = await contactOf('sam@acme.test');
      expect(found).toBeDefined();
      return found;
    });
    await call('PATCH', `/contacts/${sam.id}`, { firstName: 'Samuel', tags: ['vip'] });
    const opened = ticketCreated(sam.id, 7);
    await identity.kafka.produce(Topics.TicketsTicketChanged, [{ value: JSON.stringify(opened) }, { value: JSON.stringify(opened) }]);
    await eventually(async () => expect((await timeline(sam.id)).total).toBe(4));
    const duplicate = await call<ContactResponseDto>('POST', '/contacts', { name: 'Sam Duplicate', email: 'sam.d@home.test' });
    await call('POST', `/contacts/${sam.id}/merge`, { contactId: duplicate.id });

    const { items, page, total } = await timeline(sam.id);
    expect({ page, total }).toEqual({ page: 1, total: 5 });
    expect(items.map(({ kind, details }) => ({ kind, details }))).toEqual([
      { kind: 'merged', details: { otherContactId: duplicate.id } },
      { kind: 'ticket_opened', details: { ticketId: opened.ticket.id, number: 7 } },
      { kind: 'profile_changed', details: { fields: ['firstName', 'tags'] } },
      { kind: 'mail_received', details: { inboundMessageId: firstMail } },
      { kind: 'created', details: { source: 'email' } },
    ]);
    expect((await timeline(duplicate.id)).items.map(({ kind, details }) => ({ kind, details }))).toEqual([
      { kind: 'merged', details: { otherContactId: sam.id } },
      { kind: 'created', details: { source: 'agent' } },
    ]);
  });

  it('records the openings of a partition’s new tickets together, on the survivor’s timeline for a merged-away requester', async () => {
    const lee = await call<ContactResponseDto>('POST', '/contacts', { name: 'Lee Batch', email: 'lee@batch.test' });
    const leeTwin = await call<ContactResponseDto>('POST', '/contacts', { name: 'Lee Twin', email: 'lee@twin.test' });
    await call('POST', `/contacts/${lee.id}/merge`, { contactId: leeTwin.id });
    const first = ticketCreated(lee.id, 21);
    const changedLater = ticketChanged({ requesterContactId: lee.id, number: 21 }, { change: 'updated' });
    const forTheTwin = ticketCreated(leeTwin.id, 22);
    const forNobody = ticketCreated(randomUUID(), 23);
    const last = ticketCreated(lee.id, 24);

    await identity.kafka.produceToPartition(
      Topics.TicketsTicketChanged,
      0,
      [first, changedLater, forTheTwin, forNobody, last, first].map((event) => ({ value: JSON.stringify(event) })),
    );

    const opened = await eventually(async () => {
      const entries = (await timeline(lee.id)).items.filter((entry) => entry.kind === 'ticket_opened');
      expect(entries).toHaveLength(3);
      return entries;
    });
    expect(opened.map((entry) => entry.details).sort((a, b) => Number(a.number) - Number(b.number))).toEqual([
      { ticketId: first.ticket.id, number: 21 },
      { ticketId: forTheTwin.ticket.id, number: 22 },
      { ticketId: last.ticket.id, number: 24 },
    ]);
    expect((await timeline(leeTwin.id)).items.map(({ kind }) => kind)).toEqual(['merged', 'created']);
  });

  it('records a ticket a merge moved, as tickets publishes it, once on the survivor’s timeline', async () => {
    const ray = await call<ContactResponseDto>('POST', '/contacts', { name: 'Ray Kept', email: 'ray@moved.test' });
    const rayTwin = await call<ContactResponseDto>('POST', '/contacts', { name: 'Ray Twin', email: 'ray@twin.test' });
    await call('POST', `/contacts/${ray.id}/merge`, { contactId: rayTwin.id });
    const moved = ticketChanged(
      { requesterContactId: ray.id, number: 31 },
      { change: 'updated', changes: [{ field: 'requesterContactId', from: rayTwin.id, to: ray.id }] },
    );
    const statusChanged = ticketChanged(
      { requesterContactId: ray.id, number: 31 },
      { change: 'updated', changes: [{ field: 'status', from: 'new', to: 'open' }] },
    );

    await identity.kafka.produce(
      Topics.TicketsTicketChanged,
      [moved, statusChanged, moved].map((event) => ({ key: event.ticket.id, value: JSON.stringify(event) })),
    );

    await eventually(async () => expect((await timeline(ray.id)).items.map(({ kind }) => kind)).toContain('ticket_moved'));
    // Once the marker behind them is recorded, the status change and the redelivery were handled too.
    const marker = ticketCreated(ray.id, 32);
    await identity.kafka.produce(Topics.TicketsTicketChanged, [{ key: moved.ticket.id, value: JSON.stringify(marker) }]);
    await eventually(async () => expect((await timeline(ray.id)).items[0]?.kind).toBe('ticket_opened'));
    expect((await timeline(ray.id)).items.map(({ kind, details }) => ({ kind, details }))).toEqual([
      { kind: 'ticket_opened', details: { ticketId: marker.ticket.id, number: 32 } },
      { kind: 'ticket_moved', details: { ticketId: moved.ticket.id, number: 31, fromContactId: rayTwin.id } },
      { kind: 'merged', details: { otherContactId: rayTwin.id } },
      { kind: 'created', details: { source: 'agent' } },
    ]);
  });

  it('pages the timeline ten entries at a time', async () => {
    const contact = await call<ContactResponseDto>('POST', '/contacts', { name: 'Pat Pages', email: 'pat@acme.test' });
    for (let number = 1; number <= 11; number += 1) {
      await call('PATCH', `/contacts/${contact.id}`, { tags: [`t${number}`] });
    }

    const first = await timeline(contact.id);
    const second = await timeline(contact.id, 2);
    expect({ page: first.page, total: first.total, count: first.items.length }).toEqual({ page: 1, total: 12, count: 10 });
    expect(second.items.map(({ kind }) => kind)).toEqual(['profile_changed', 'created']);
    const times = [...first.items, ...second.items].map(({ occurredAt }) => occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('answers 404 for the timeline of an unknown contact', async () => {
    expect((await request('GET', `/contacts/${randomUUID()}/activity`)).status).toBe(404);
  });

  it('deletes a contact by erasing its personal data, keeping its row and timeline, and frees its addresses', async () => {
    const acme = await call<{ id: string }>('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] });
    const kim = await call<ContactResponseDto>('POST', '/contacts', {
      firstName: 'Kim',
      lastName: 'Lee',
      email: 'kim@acme.test',
      alternateEmails: ['kim@home.test'],
      phones: [{ number: '+39 06 1234 5678', kind: 'direct' }],
      language: 'it',
      timeZone: 'Europe/Rome',
      details: 'Head of IT',
      notes: 'Prefers mornings',
      tags: ['vip'],
    });

    expect((await request('DELETE', `/contacts/${kim.id}`)).status).toBe(204);

    expect(await call<ContactResponseDto>('GET', `/contacts/${kim.id}`)).toMatchObject({
      name: 'Deleted contact',
      firstName: null,
      lastName: null,
      emails: [],
      phones: [],
      language: null,
      timeZone: null,
      details: null,
      notes: null,
      tags: [],
      status: 'inactive',
      anonymizedAt: expect.any(String),
    });
    expect((await timeline(kim.id)).items.map(({ kind }) => kind)).toEqual(['anonymized', 'created']);
    await eventually(() =>
      expect(identity.kafka.events<IdentityContactAnonymizedV2>(Topics.IdentityContactAnonymized)).toEqual([
        expect.objectContaining({
          contactId: kim.id,
          name: 'Deleted contact',
          erased: { emails: expect.arrayContaining(['kim@acme.test', 'kim@home.test']), names: ['Kim Lee'] },
        }),
      ]),
    );
    expect(await (await request('DELETE', `/contacts/${kim.id}`)).json()).toMatchObject({ code: 'contact.anonymized' });
    expect((await request('PATCH', `/organizations/${acme.id}`, { name: 'Acme Corp' })).status).toBe(200);

    await mailFrom('kim@acme.test');
    const newcomer = await eventually(async () => {
      const found = await contactOf('kim@acme.test');
      expect(found).toBeDefined();
      return found;
    });
    expect(newcomer.id).not.toBe(kim.id);
    expect((await call<ContactResponseDto>('POST', '/contacts', { name: 'Kim Again', email: 'kim@home.test' })).id).not.toBe(kim.id);
  });

  it('makes no contact again of mail received before the erasure but handled after it', async () => {
    const lena = await call<ContactResponseDto>('POST', '/contacts', { name: 'Lena Late', email: 'lena.late@acme.test' });
    const sentBeforeErasure = emailInboundReceived(
      inboundMail({ from: { address: 'Lena.Late@acme.test', name: 'Lena Late' }, receivedAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    expect((await request('DELETE', `/contacts/${lena.id}`)).status).toBe(204);

    const database = new Client({ connectionString: databaseUrl(identity.env.DATABASE_URL!, identity.env.DATABASE_NAME!) });
    await database.connect();
    try {
      await publishAndWaitHandled(identity.kafka, database, Topics.EmailInboundReceived, 'lena.late@acme.test', sentBeforeErasure);
      expect(await contactOf('lena.late@acme.test')).toBeUndefined();
    } finally {
      await database.end();
    }
  });

  it('refuses to delete a merged-away contact with 409', async () => {
    const survivor = await call<ContactResponseDto>('POST', '/contacts', { name: 'Max One', email: 'max@one.test' });
    const duplicate = await call<ContactResponseDto>('POST', '/contacts', { name: 'Max Two', email: 'max@two.test' });
    await call('POST', `/contacts/${survivor.id}/merge`, { contactId: duplicate.id });

    const response = await request('DELETE', `/contacts/${duplicate.id}`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'contact.merged_away' });
  });
});
