import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IdentityContactMergedV1, Requester, TicketsTicketChangedV3, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { inboundMail, requesterResolved } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { ticketsServiceDefinition } from '../tickets.definition';

interface TicketView {
  id: string;
  requester: { contactId: string; email: string; name: string };
  messages: { author: { contactId: string | null } }[];
}

describe('tickets follow a contact merge (real Postgres and Kafka)', () => {
  let tickets: ServiceInProcess;
  let database: Client;
  const organizationId = randomUUID();

  function requester(email: string): Requester {
    return { contactId: randomUUID(), email, name: email.split('@')[0], organizationId, organizationName: 'Acme' };
  }

  async function produce(topic: string, key: string, event: object): Promise<void> {
    await tickets.kafka.produce(topic, [{ key, value: JSON.stringify(event) }]);
  }

  async function waitUntilProcessed(eventId: string): Promise<void> {
    await eventually(async () =>
      expect((await database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [eventId])).rowCount).toBe(1),
    );
  }

  async function ticketsOf(email: string): Promise<TicketView[]> {
    const list = (await (await tickets.fetch(`/tickets?requesterEmail=${encodeURIComponent(email)}`)).json()) as {
      items: { id: string }[];
    };
    return Promise.all(list.items.map(async ({ id }) => (await (await tickets.fetch(`/tickets/${id}`)).json()) as TicketView));
  }

  async function openTicket(from: Requester): Promise<void> {
    const mail = inboundMail({ from: { address: from.email } });
    await produce(Topics.IdentityRequesterResolved, from.contactId, requesterResolved(mail, from));
    await eventually(async () => expect(await ticketsOf(from.email)).toHaveLength(1));
  }

  beforeAll(async () => {
    tickets = await startServiceInProcess(ticketsServiceDefinition);
    database = new Client({ connectionString: databaseUrl(tickets.env.DATABASE_URL!, tickets.env.DATABASE_NAME!) });
    await database.connect();
    await tickets.kafka.record(Topics.TicketsTicketChanged);
  });

  afterAll(async () => {
    await database?.end();
    await tickets?.close();
  });

  it('gives the survivor the tickets and messages of the merged-away requester, once, in their history and events', async () => {
    const survivor = requester('merge-survivor@acme.test');
    const mergedAway = requester('merge-duplicate@acme.test');
    await openTicket(survivor);
    await openTicket(mergedAway);

    const merged: IdentityContactMergedV1 = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      survivorId: survivor.contactId,
      mergedAwayId: mergedAway.contactId,
    };
    await produce(Topics.IdentityContactMerged, mergedAway.contactId, merged);
    await waitUntilProcessed(merged.eventId);
    const requesterChange = { field: 'requesterContactId', from: mergedAway.contactId, to: survivor.contactId };

    const [moved] = await ticketsOf(mergedAway.email);
    expect(moved.requester).toEqual({ contactId: survivor.contactId, email: mergedAway.email, name: mergedAway.name });
    const inbound = moved.messages.filter((message) => message.author.contactId !== null);
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((message) => message.author.contactId === survivor.contactId)).toBe(true);
    const [kept] = await ticketsOf(survivor.email);
    expect(kept.requester.contactId).toBe(survivor.contactId);

    const audit = (await (await tickets.fetch(`/tickets/${moved.id}/audit`)).json()) as {
      items: { action: string; actor: object; changes: object[] }[];
    };
    expect(audit.items.filter((entry) => entry.action === 'updated')).toEqual([
      expect.objectContaining({ actor: { type: 'system' }, changes: [requesterChange] }),
    ]);
    const keptAudit = (await (await tickets.fetch(`/tickets/${kept.id}/audit`)).json()) as { items: { action: string }[] };
    expect(keptAudit.items.map((entry) => entry.action)).not.toContain('updated');
    const published = await eventually(() => {
      const events = tickets.kafka
        .events<TicketsTicketChangedV3>(Topics.TicketsTicketChanged)
        .filter((event) => event.ticket.id === moved.id && event.change === 'updated');
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(published).toMatchObject({
      actor: { type: 'system' },
      changes: [requesterChange],
      ticket: { id: moved.id, requesterContactId: survivor.contactId },
    });

    const updatedAt = await database.query('SELECT updated_at FROM tickets WHERE id = $1', [moved.id]);
    await produce(Topics.IdentityContactMerged, mergedAway.contactId, { ...merged, survivorId: randomUUID() });
    // Same key, so same partition: once this later event is processed, the redelivery before it was too.
    const later: IdentityContactMergedV1 = { ...merged, eventId: randomUUID(), survivorId: randomUUID(), mergedAwayId: randomUUID() };
    await produce(Topics.IdentityContactMerged, mergedAway.contactId, later);
    await waitUntilProcessed(later.eventId);
    expect((await ticketsOf(mergedAway.email))[0].requester.contactId).toBe(survivor.contactId);
    expect((await database.query('SELECT updated_at FROM tickets WHERE id = $1', [moved.id])).rows).toEqual(updatedAt.rows);
    const auditAfter = (await (await tickets.fetch(`/tickets/${moved.id}/audit`)).json()) as { items: unknown[] };
    expect(auditAfter.items).toEqual(audit.items);
  });
});
