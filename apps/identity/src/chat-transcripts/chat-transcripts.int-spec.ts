import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChatTranscriptRecordedV1, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { agentToken, contactToken } from '../../../../test/support/auth';
import { chatTranscriptRecorded, chatVisitor } from '../../../../test/support/chat-visitor-events';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactActivityPageDto } from '../contacts/contact-activity.dto';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';
import type { ChatTranscriptDto, ChatTranscriptSummaryDto, OwnChatTranscriptDto } from './chat-transcript.dto';

describe('chat transcripts on contacts’ profiles (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let database: Client;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    database = new Client({ connectionString: databaseUrl(identity.env.DATABASE_URL!, identity.env.DATABASE_NAME!) });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await identity?.close();
  });

  const call = <T>(method: string, path: string, body?: unknown, token = agentToken('agent')) =>
    jsonOk<T>(identity, method, path, body, { authorization: `Bearer ${token}` });

  const status = async (path: string, token: string) =>
    (await identity.request('GET', path, undefined, { authorization: `Bearer ${token}` })).status;

  const newContact = (name: string, email: string) => call<ContactResponseDto>('POST', '/contacts', { name, email });

  /** Publishes the end of a conversation and waits until identity has handled it. */
  async function recorded(event: ChatTranscriptRecordedV1): Promise<void> {
    await identity.kafka.produce(Topics.ChatTranscriptRecorded, [{ key: event.conversationId, value: JSON.stringify(event) }]);
    await eventually(async () =>
      expect((await database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [event.eventId])).rowCount).toBe(1),
    );
  }

  const transcriptsOf = async (contactId: string) =>
    (await call<{ items: ChatTranscriptSummaryDto[]; total: number }>('GET', `/contacts/${contactId}/chat-transcripts`)).items;

  const timelineOf = async (contactId: string) =>
    (await call<ContactActivityPageDto>('GET', `/contacts/${contactId}/activity`)).items.map(({ kind, details }) => ({ kind, details }));

  it('records the transcript on the contact of the visitor’s address, once, readable by agents and on the timeline', async () => {
    const vera = await newContact('Vera Visitor', 'vera@acme.test');
    const ended = chatTranscriptRecorded(chatVisitor({ email: 'VERA@acme.test' }));
    await recorded(ended);
    await recorded(ended);
    await recorded({ ...ended, eventId: randomUUID() });

    const [summary] = await transcriptsOf(vera.id);
    expect(await transcriptsOf(vera.id)).toHaveLength(1);
    expect(summary).toEqual({
      id: expect.any(String),
      conversationId: ended.conversationId,
      outcome: 'closed_by_agent',
      agents: ended.agents,
      rating: { score: 5, comment: 'Quick and kind' },
      language: 'en',
      messageCount: 3,
      startedAt: new Date(ended.startedAt).toISOString(),
      endedAt: new Date(ended.endedAt).toISOString(),
    });
    const transcript = await call<ChatTranscriptDto>('GET', `/contacts/${vera.id}/chat-transcripts/${summary!.id}`);
    expect(transcript.entries).toEqual(ended.transcript);
    expect(await timelineOf(vera.id)).toEqual([
      { kind: 'chat_transcript_recorded', details: { transcriptId: summary!.id, conversationId: ended.conversationId } },
      { kind: 'created', details: { source: 'agent' } },
    ]);
    expect(await status(`/contacts/${randomUUID()}/chat-transcripts/${summary!.id}`, agentToken('agent'))).toBe(404);
    expect(await status(`/contacts/${randomUUID()}/chat-transcripts`, agentToken('agent'))).toBe(404);
  });

  it('puts a signed-in visitor’s transcript on its contact, and records nothing for a visitor who is no contact', async () => {
    const sam = await newContact('Sam Signed', 'sam@acme.test');
    const signedIn = chatTranscriptRecorded(chatVisitor({ contactId: sam.id, email: 'unknown@acme.test' }));
    const stranger = chatTranscriptRecorded(chatVisitor({ email: 'stranger@acme.test' }));
    const anonymous = chatTranscriptRecorded(chatVisitor());
    for (const event of [signedIn, stranger, anonymous]) await recorded(event);

    expect((await transcriptsOf(sam.id)).map((transcript) => transcript.conversationId)).toEqual([signedIn.conversationId]);
    const { rows } = await database.query('SELECT conversation_id FROM chat_transcripts WHERE conversation_id = ANY($1::uuid[])', [
      [stranger.conversationId, anonymous.conversationId],
    ]);
    expect(rows).toEqual([]);
  });

  it('shows a contact its own transcripts through /me, without the staff’s ids, and nobody else’s', async () => {
    const carla = await newContact('Carla Client', 'carla@acme.test');
    const other = await newContact('Otto Other', 'otto@acme.test');
    const older = chatTranscriptRecorded(chatVisitor({ contactId: carla.id }), { endedAt: '2026-12-01T09:00:00Z' });
    const newer = chatTranscriptRecorded(chatVisitor({ contactId: carla.id }), { endedAt: '2026-12-02T09:00:00Z' });
    const othersOwn = chatTranscriptRecorded(chatVisitor({ contactId: other.id }));
    for (const event of [older, newer, othersOwn]) await recorded(event);
    const carlaToken = contactToken(carla.id);

    const own = await call<{ items: OwnChatTranscriptDto[]; total: number }>('GET', '/me/chat-transcripts', undefined, carlaToken);
    expect(own.total).toBe(2);
    expect(own.items.map((transcript) => transcript.conversationId)).toEqual([newer.conversationId, older.conversationId]);
    expect(own.items[0]!.agents).toEqual([{ name: 'Alex Agent' }]);
    const one = await call<OwnChatTranscriptDto>('GET', `/me/chat-transcripts/${own.items[0]!.id}`, undefined, carlaToken);
    expect(one.entries.map(({ author, authorName, text }) => ({ author, authorName, text }))).toEqual(
      newer.transcript.map(({ author, authorName, text }) => ({ author, authorName, text })),
    );
    expect(JSON.stringify(one)).not.toContain(newer.agents[0]!.id);

    const othersId = (await transcriptsOf(other.id))[0]!.id;
    expect(await status(`/me/chat-transcripts/${othersId}`, carlaToken)).toBe(404);
    expect(await status('/me/chat-transcripts', agentToken('agent'))).toBe(403);
    expect(await status(`/contacts/${carla.id}/chat-transcripts`, carlaToken)).toBe(403);
  });

  it('moves the transcripts of a contact merged away to the survivor', async () => {
    const survivor = await newContact('Max One', 'max@one.test');
    const duplicate = await newContact('Max Two', 'max@two.test');
    const ofDuplicate = chatTranscriptRecorded(chatVisitor({ email: 'max@two.test' }));
    await recorded(ofDuplicate);

    await call('POST', `/contacts/${survivor.id}/merge`, { contactId: duplicate.id });

    expect((await transcriptsOf(survivor.id)).map((transcript) => transcript.conversationId)).toEqual([ofDuplicate.conversationId]);
    const afterMerge = chatTranscriptRecorded(chatVisitor({ contactId: duplicate.id }));
    await recorded(afterMerge);
    expect(await transcriptsOf(survivor.id)).toHaveLength(2);
    const { rows } = await database.query('SELECT count(*)::int AS count FROM chat_transcripts WHERE contact_id = $1', [duplicate.id]);
    expect(rows).toEqual([{ count: 0 }]);
  });

  it('erases the transcripts with the rest of the personal data when the contact is deleted, keeping its timeline', async () => {
    const kim = await newContact('Kim Erased', 'kim@acme.test');
    const ended = chatTranscriptRecorded(chatVisitor({ email: 'kim@acme.test' }));
    await recorded(ended);
    expect(await transcriptsOf(kim.id)).toHaveLength(1);

    await call('DELETE', `/contacts/${kim.id}`);

    expect(await transcriptsOf(kim.id)).toEqual([]);
    const { rows } = await database.query('SELECT 1 FROM chat_transcripts WHERE conversation_id = $1', [ended.conversationId]);
    expect(rows).toEqual([]);
    expect((await timelineOf(kim.id)).map(({ kind }) => kind)).toEqual(['anonymized', 'chat_transcript_recorded', 'created']);
  });
});
