import {
  deadLetterTopicOf,
  EmailInboundReceivedV2,
  IdentityContactChangedV1,
  IdentityRequesterResolvedV2,
  Topics,
} from '@helpgate/contracts';
import { DEAD_LETTER_HEADERS } from '@helpgate/kafka';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

describe('identity resolves the requester of inbound mail (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(
      Topics.IdentityRequesterResolved,
      Topics.IdentityContactChanged,
      deadLetterTopicOf(Topics.EmailInboundReceived),
    );
    const response = await identity.fetch(`/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme', domains: ['ACME.test'] }),
    });
    expect(response.status).toBe(201);
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function contactsFor(email: string) {
    const response = await identity.fetch(`/contacts?email=${encodeURIComponent(email)}`);
    return (await response.json()) as { total: number; items: { id: string; name: string; organization: { id: string; name: string } }[] };
  }

  function mailFrom(address: string, overrides: { name?: string; isAutomated?: boolean } = {}): EmailInboundReceivedV2 {
    return emailInboundReceived(inboundMail({ from: { address, name: overrides.name }, isAutomated: overrides.isAutomated ?? false }));
  }

  /** The requesters announced for these mails, waiting until each mail has one, in the order they were published. */
  async function announcedFor(mails: EmailInboundReceivedV2[]): Promise<IdentityRequesterResolvedV2[]> {
    const ids = new Set(mails.map((event) => event.mail.inboundMessageId));
    return eventually(() => {
      const announced = identity.kafka
        .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
        .filter((resolved) => ids.has(resolved.mail.inboundMessageId));
      expect(new Set(announced.map((resolved) => resolved.mail.inboundMessageId))).toEqual(ids);
      return announced;
    });
  }

  /** The mails announced for a contact, in the order they were published (one contact's events share a partition). */
  const mailsAnnouncedFor = (announced: IdentityRequesterResolvedV2[], contactId: string) =>
    announced.filter((resolved) => resolved.requester.contactId === contactId).map((resolved) => resolved.mail.inboundMessageId);

  const createdEventsFor = (contactId: string) =>
    identity.kafka
      .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
      .filter((change) => change.change === 'created' && change.contact.id === contactId);

  async function timelineOf(contactId: string): Promise<{ kind: string; details: Record<string, unknown> }[]> {
    const response = await identity.fetch(`/contacts/${contactId}/activity`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { kind: string; details: Record<string, unknown> }[] }).items;
  }

  it('creates a contact in the organization owning the sender domain and announces the requester', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'Jane@Acme.test', name: 'Jane Doe' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ key: 'jane@acme.test', value: JSON.stringify(event) }]);

    const resolved = await eventually(() => {
      const found = identity.kafka
        .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
        .find((candidate) => candidate.mail.inboundMessageId === event.mail.inboundMessageId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(resolved.requester).toMatchObject({ email: 'jane@acme.test', name: 'Jane Doe', organizationName: 'Acme' });
    const contacts = await contactsFor('jane@acme.test');
    expect(contacts.items).toEqual([
      expect.objectContaining({ id: resolved.requester.contactId, organization: expect.objectContaining({ name: 'Acme' }) }),
    ]);
    // The two topics are recorded by independent fetches: the creation may arrive after the requester.
    await eventually(() => expect(createdEventsFor(resolved.requester.contactId)).toHaveLength(1));
  });

  it('puts a sender of an unknown domain in "Unassigned"', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'bob@unknown.test' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(event) }]);
    const contacts = await eventually(async () => {
      const found = await contactsFor('bob@unknown.test');
      expect(found.total).toBe(1);
      return found;
    });
    expect(contacts.items[0]).toMatchObject({ name: 'bob', organization: { name: 'Unassigned' } });
  });

  it('handles a redelivered event once', async () => {
    const event = emailInboundReceived(inboundMail({ from: { address: 'redelivered@acme.test' } }));
    const record = { value: JSON.stringify(event) };
    await identity.kafka.produce(Topics.EmailInboundReceived, [record, record]);
    const marker = emailInboundReceived(inboundMail({ from: { address: 'marker@acme.test' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ value: JSON.stringify(marker) }]);
    await eventually(async () => expect((await contactsFor('marker@acme.test')).total).toBe(1));
    const announcements = identity.kafka
      .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
      .filter((resolved) => resolved.mail.inboundMessageId === event.mail.inboundMessageId);
    expect(announcements).toHaveLength(1);
  });

  it('creates one contact when first mails from a new sender are resolved at the same moment', async () => {
    const useCase = identity.app.get(ResolveRequesterUseCase);
    const mails = Array.from({ length: 6 }, () => emailInboundReceived(inboundMail({ from: { address: 'rush@newcomer.test' } })));
    await Promise.all(mails.map((event) => useCase.execute([event])));
    const contacts = await contactsFor('rush@newcomer.test');
    expect(contacts.total).toBe(1);
  });

  it('does not create contacts for automated mail from unknown senders', async () => {
    const bounce = emailInboundReceived(inboundMail({ from: { address: 'mailer-daemon@far.test' }, isAutomated: true }));
    await identity.app.get(ResolveRequesterUseCase).execute([bounce]);
    expect((await contactsFor('mailer-daemon@far.test')).total).toBe(0);
  });

  it('refuses an organization whose domain is taken, and a malformed one', async () => {
    const post = (body: unknown) =>
      identity.fetch(`/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const taken = await post({ name: 'Acme Copy', domains: ['acme.test'] });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'organization.domain_taken' });
    expect((await post({ name: 'Acme', domains: [] })).status).toBe(409);
    expect((await post({ name: '', domains: [] })).status).toBe(400);
    expect((await post({ name: 'Bad', domains: ['not a domain'] })).status).toBe(422);
  });

  describe('a batch of mails', () => {
    it('resolves known and new senders together, creating a new sender once, announcing each sender’s mails in their order', async () => {
      const useCase = identity.app.get(ResolveRequesterUseCase);
      await useCase.execute([mailFrom('regular@acme.test')]);
      const regular = (await contactsFor('regular@acme.test')).items[0]!;
      const batch = [
        mailFrom('regular@acme.test'),
        mailFrom('First.Timer@acme.test', { name: 'First Timer' }),
        mailFrom('stranger@elsewhere.test'),
        mailFrom('first.timer@acme.test', { name: 'Other Name' }),
        mailFrom('regular@acme.test'),
      ];

      await useCase.execute(batch);

      const firstTimers = await contactsFor('first.timer@acme.test');
      expect(firstTimers.items).toEqual([
        expect.objectContaining({ name: 'First Timer', organization: expect.objectContaining({ name: 'Acme' }) }),
      ]);
      const firstTimer = firstTimers.items[0]!;
      const stranger = (await contactsFor('stranger@elsewhere.test')).items[0]!;
      expect(stranger.organization.name).toBe('Unassigned');
      const announced = await announcedFor(batch);
      const ids = batch.map((event) => event.mail.inboundMessageId);
      expect(mailsAnnouncedFor(announced, regular.id)).toEqual([ids[0], ids[4]]);
      expect(mailsAnnouncedFor(announced, firstTimer.id)).toEqual([ids[1], ids[3]]);
      expect(mailsAnnouncedFor(announced, stranger.id)).toEqual([ids[2]]);
      expect(announced.find((resolved) => resolved.requester.contactId === firstTimer.id)!.requester).toEqual({
        contactId: firstTimer.id,
        email: 'first.timer@acme.test',
        name: 'First Timer',
        organizationId: firstTimer.organization.id,
        organizationName: 'Acme',
      });
      await eventually(() => expect(createdEventsFor(firstTimer.id)).toHaveLength(1));
      expect(createdEventsFor(regular.id)).toHaveLength(1);

      const received = (timeline: { kind: string; details: Record<string, unknown> }[]) =>
        timeline.filter((entry) => entry.kind === 'mail_received').map((entry) => entry.details.inboundMessageId);
      const receivedByRegular = received(await timelineOf(regular.id));
      expect(receivedByRegular).toHaveLength(3);
      expect(receivedByRegular).toEqual(expect.arrayContaining([ids[0], ids[4]]));
      expect(received(await timelineOf(firstTimer.id)).sort()).toEqual([ids[1], ids[3]].sort());
      expect((await timelineOf(firstTimer.id)).filter((entry) => entry.kind === 'created')).toHaveLength(1);
    });

    it('leaves a new sender’s automated mail unresolved and creates the contact from its first mail that is not automated', async () => {
      const batch = [
        mailFrom('newcomer@acme.test', { isAutomated: true }),
        mailFrom('newcomer@acme.test'),
        mailFrom('newcomer@acme.test', { isAutomated: true }),
        mailFrom('newcomer@acme.test'),
      ];

      await identity.app.get(ResolveRequesterUseCase).execute(batch);

      const contacts = await contactsFor('newcomer@acme.test');
      expect(contacts.total).toBe(1);
      const announced = await announcedFor(batch.slice(1));
      expect(mailsAnnouncedFor(announced, contacts.items[0]!.id)).toEqual(batch.slice(1).map((event) => event.mail.inboundMessageId));
      const first = batch[0]!.mail.inboundMessageId;
      expect(
        identity.kafka
          .events<IdentityRequesterResolvedV2>(Topics.IdentityRequesterResolved)
          .filter((resolved) => resolved.mail.inboundMessageId === first),
      ).toEqual([]);
    });

    it('has no second effect when a batch is delivered again, whole or as part of another', async () => {
      const useCase = identity.app.get(ResolveRequesterUseCase);
      const [first, second, third] = [mailFrom('again@acme.test'), mailFrom('again@acme.test'), mailFrom('again@acme.test')];

      await useCase.execute([first!, second!]);
      await useCase.execute([first!, second!]);
      await useCase.execute([first!, second!, third!, third!]);

      const contacts = await contactsFor('again@acme.test');
      expect(contacts.total).toBe(1);
      const contactId = contacts.items[0]!.id;
      await announcedFor([first!, second!, third!]);
      expect(mailsAnnouncedFor(identity.kafka.events(Topics.IdentityRequesterResolved), contactId)).toEqual(
        [first!, second!, third!].map((event) => event.mail.inboundMessageId),
      );
      expect((await timelineOf(contactId)).map((entry) => entry.kind).sort()).toEqual([
        'created',
        'mail_received',
        'mail_received',
        'mail_received',
      ]);
    });

    it('holds each mail of a new sender while contacts are not created automatically, and still resolves known senders', async () => {
      const useCase = identity.app.get(ResolveRequesterUseCase);
      await useCase.execute([mailFrom('known.holder@acme.test')]);
      const known = (await contactsFor('known.holder@acme.test')).items[0]!;
      const patch = (autoCreateContacts: boolean) =>
        identity.request('PATCH', '/settings', { autoCreateContacts }).then((response) => expect(response.status).toBe(200));
      await patch(false);
      try {
        const batch = [mailFrom('unheard@far.test'), mailFrom('known.holder@acme.test'), mailFrom('unheard@far.test')];

        await useCase.execute(batch);

        expect((await contactsFor('unheard@far.test')).total).toBe(0);
        const held = await identity.fetch('/unknown-senders?limit=100');
        const heldIds = ((await held.json()) as { items: { inboundMessageId: string }[] }).items.map((item) => item.inboundMessageId);
        expect(heldIds).toEqual(expect.arrayContaining([batch[0]!.mail.inboundMessageId, batch[2]!.mail.inboundMessageId]));
        expect(heldIds).not.toContain(batch[1]!.mail.inboundMessageId);
        const announced = await announcedFor([batch[1]!]);
        expect(announced.map((resolved) => resolved.requester.contactId)).toEqual([known.id]);
      } finally {
        await patch(true);
      }
    });

    it('dead-letters the poison records of a partition and resolves the mails around them, in order', async () => {
      const before = mailFrom('around.poison@acme.test');
      const withoutAddress = mailFrom('nobody');
      const after = mailFrom('around.poison@acme.test');
      const offsets = await identity.kafka.produceToPartition(Topics.EmailInboundReceived, 0, [
        { value: JSON.stringify(before) },
        { value: 'not JSON {' },
        { value: JSON.stringify(withoutAddress) },
        { value: JSON.stringify(after) },
      ]);

      const announced = await announcedFor([before, after]);
      expect(announced.map((resolved) => resolved.mail.inboundMessageId)).toEqual([
        before.mail.inboundMessageId,
        after.mail.inboundMessageId,
      ]);
      const deadLettered = await eventually(() => {
        const records = identity.kafka
          .messages(deadLetterTopicOf(Topics.EmailInboundReceived))
          .filter((record) => offsets.includes(record.headers[DEAD_LETTER_HEADERS.originalOffset]!));
        expect(records).toHaveLength(2);
        return records;
      });
      expect(
        deadLettered.map((record) => [record.headers[DEAD_LETTER_HEADERS.originalOffset], record.headers[DEAD_LETTER_HEADERS.reason]]),
      ).toEqual([
        [offsets[1], expect.stringMatching(/^invalid: not JSON/)],
        [offsets[2], expect.stringMatching(/^rejected: contact\.invalid_email/)],
      ]);
      expect((await contactsFor('around.poison@acme.test')).total).toBe(1);
    });
  });
});
