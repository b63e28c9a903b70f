import {
  deadLetterTopicOf,
  IdentityChatRequesterResolvedV1,
  IdentityContactChangedV1,
  Topics,
} from '@helpgate/contracts';
import { DEAD_LETTER_HEADERS } from '@helpgate/kafka';
import {
  chatConversationEscalated,
  chatEscalation,
  chatFile,
  chatVisitor,
  chatVisitorIdentified,
} from '../../../../test/support/chat-visitor-events';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactActivityPageDto } from '../contacts/contact-activity.dto';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';

describe('identity resolves chat visitors to contacts by the rules mail follows (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string; name: string };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(
      Topics.IdentityChatRequesterResolved,
      Topics.IdentityContactChanged,
      deadLetterTopicOf(Topics.ChatConversationEscalated),
    );
    acme = await call('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] });
  });

  afterAll(async () => {
    await identity?.close();
  });

  const call = <T>(method: string, path: string, body?: unknown) => jsonOk<T>(identity, method, path, body);

  const contactsAt = async (email: string) =>
    (await call<{ items: ContactResponseDto[] }>('GET', `/contacts?email=${encodeURIComponent(email)}`)).items;

  const timeline = async (contactId: string) =>
    (await call<ContactActivityPageDto>('GET', `/contacts/${contactId}/activity`)).items.map(({ kind, details }) => ({ kind, details }));

  async function publish(topic: typeof Topics.ChatVisitorIdentified | typeof Topics.ChatConversationEscalated, event: { conversationId: string }) {
    await identity.kafka.produce(topic, [{ key: event.conversationId, value: JSON.stringify(event) }]);
  }

  const answersFor = (conversationId: string) =>
    identity.kafka
      .events<IdentityChatRequesterResolvedV1>(Topics.IdentityChatRequesterResolved)
      .filter((answer) => answer.conversationId === conversationId);

  async function answerFor(conversationId: string): Promise<IdentityChatRequesterResolvedV1> {
    return eventually(() => {
      const [answer] = answersFor(conversationId);
      expect(answer).toBeDefined();
      return answer!;
    });
  }

  const deadLettered = () => identity.kafka.messages(deadLetterTopicOf(Topics.ChatConversationEscalated));

  it('creates the contact of a new address in the organization of its domain, from chat, and answers with it', async () => {
    const visitor = chatVisitor({ email: 'Vera@Acme.test', name: 'Vera Visitor' });
    const identified = chatVisitorIdentified({ ...visitor, email: visitor.email! });
    await publish(Topics.ChatVisitorIdentified, identified);

    const answer = await answerFor(identified.conversationId);
    const [vera] = await contactsAt('vera@acme.test');
    expect(vera).toMatchObject({ name: 'Vera Visitor', source: 'chat', organization: expect.objectContaining({ id: acme.id }) });
    expect(answer).toEqual({
      eventId: expect.any(String),
      occurredAt: expect.any(String),
      conversationId: identified.conversationId,
      visitorId: visitor.visitorId,
      requester: { contactId: vera!.id, email: 'vera@acme.test', name: 'Vera Visitor', organizationId: acme.id, organizationName: 'Acme' },
    });
    await eventually(() =>
      expect(
        identity.kafka
          .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
          .filter((change) => change.contact.id === vera!.id)
          .map((change) => change.change),
      ).toEqual(['created']),
    );
    expect(await timeline(vera!.id)).toEqual([{ kind: 'created', details: { source: 'chat' } }]);
  });

  it('answers with the contact that has the address, creating none', async () => {
    const known = await call<ContactResponseDto>('POST', '/contacts', { name: 'Kim Known', email: 'kim@elsewhere.test' });
    const identified = chatVisitorIdentified({ ...chatVisitor({ name: 'Someone Else' }), email: 'KIM@elsewhere.test' });
    await publish(Topics.ChatVisitorIdentified, identified);

    expect((await answerFor(identified.conversationId)).requester).toMatchObject({ contactId: known.id, name: 'Kim Known' });
    expect(await contactsAt('kim@elsewhere.test')).toHaveLength(1);
  });

  it('lets a signed-in visitor’s contact win over the address typed, and follows a merge to the survivor', async () => {
    const survivor = await call<ContactResponseDto>('POST', '/contacts', { name: 'Sam Survivor', email: 'sam@acme.test' });
    const mergedAway = await call<ContactResponseDto>('POST', '/contacts', { name: 'Sam Twin', email: 'sam.twin@acme.test' });
    await call('POST', `/contacts/${survivor.id}/merge`, { contactId: mergedAway.id });

    const typedAnother = chatVisitorIdentified({ ...chatVisitor({ contactId: survivor.id }), email: 'typo@acme.test' });
    const signedInAsMergedAway = chatVisitorIdentified({ ...chatVisitor({ contactId: mergedAway.id }), email: 'sam.twin@acme.test' });
    await publish(Topics.ChatVisitorIdentified, typedAnother);
    await publish(Topics.ChatVisitorIdentified, signedInAsMergedAway);

    expect((await answerFor(typedAnother.conversationId)).requester).toMatchObject({ contactId: survivor.id, email: 'sam@acme.test' });
    expect((await answerFor(signedInAsMergedAway.conversationId)).requester).toMatchObject({
      contactId: survivor.id,
      email: 'sam.twin@acme.test',
    });
    expect(await contactsAt('typo@acme.test')).toEqual([]);
  });

  it('passes an escalation on with its requester, records it on the timeline, and has no second effect when redelivered', async () => {
    const escalation = chatEscalation({ reason: 'wait_too_long', files: [chatFile()] });
    const escalated = chatConversationEscalated(chatVisitor({ email: 'esme@acme.test', name: 'Esme Escalated' }), escalation);
    const record = { key: escalated.conversationId, value: JSON.stringify(escalated) };
    await identity.kafka.produce(Topics.ChatConversationEscalated, [record, record]);
    const marker = chatVisitorIdentified({ ...chatVisitor(), email: 'marker@acme.test' }, escalated.conversationId);
    await publish(Topics.ChatVisitorIdentified, marker);

    await eventually(() => expect(answersFor(escalated.conversationId)).toHaveLength(2));
    const [answer, markerAnswer] = answersFor(escalated.conversationId);
    const [esme] = await contactsAt('esme@acme.test');
    expect(answer).toMatchObject({
      requester: { contactId: esme!.id, email: 'esme@acme.test', name: 'Esme Escalated', organizationId: acme.id },
      escalation,
    });
    expect(markerAnswer!.escalation).toBeUndefined();
    expect(await timeline(esme!.id)).toEqual([
      { kind: 'chat_escalated', details: { conversationId: escalated.conversationId, reason: 'wait_too_long' } },
      { kind: 'created', details: { source: 'chat' } },
    ]);
  });

  it('dead-letters an escalation naming neither an address nor a contact', async () => {
    const escalated = chatConversationEscalated(chatVisitor());
    await publish(Topics.ChatConversationEscalated, escalated);

    const [letter] = await eventually(() => {
      const letters = deadLettered().filter((message) => message.value === JSON.stringify(escalated));
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter!.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/^rejected: chat\.visitor_unidentified/);
    expect(answersFor(escalated.conversationId)).toEqual([]);
  });

  it('while contacts are not created automatically, links known visitors only and dead-letters an unknown visitor’s escalation', async () => {
    const setAutoCreate = async (autoCreateContacts: boolean) => call('PATCH', '/settings', { autoCreateContacts });
    await setAutoCreate(false);
    try {
      const unknownIdentified = chatVisitorIdentified({ ...chatVisitor(), email: 'stranger@acme.test' });
      const unknownEscalated = chatConversationEscalated(chatVisitor({ email: 'stranger@acme.test' }));
      const knownIdentified = chatVisitorIdentified({ ...chatVisitor(), email: 'vera@acme.test' }, unknownIdentified.conversationId);
      await publish(Topics.ChatVisitorIdentified, unknownIdentified);
      await publish(Topics.ChatConversationEscalated, unknownEscalated);
      await publish(Topics.ChatVisitorIdentified, knownIdentified);

      expect((await answerFor(unknownIdentified.conversationId)).requester.email).toBe('vera@acme.test');
      expect(answersFor(unknownIdentified.conversationId)).toHaveLength(1);
      await eventually(() =>
        expect(
          deadLettered()
            .filter((message) => message.value === JSON.stringify(unknownEscalated))
            .map((message) => message.headers[DEAD_LETTER_HEADERS.reason]),
        ).toEqual([expect.stringMatching(/^rejected: chat\.visitor_unknown/)]),
      );
      expect(await contactsAt('stranger@acme.test')).toEqual([]);
    } finally {
      await setAutoCreate(true);
    }
  });
});
