import { Client } from 'pg';
import { Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { agentToken } from '../support/auth';
import { ChatInstance, ChatInstances, startChatInstances } from '../support/chat-instances';
import { agentChanged } from '../support/events';
import { eventually, testInfra } from '../support/infra';
import { KafkaTestClient } from '../support/kafka-test-client';
import { ChatParticipant } from './chat-participant';
import { chatTally } from './chat-fault-tally';
import { recordChatFaultRow } from './fault-table';

const visitorsPerInstance = 20;
const messagesPerParticipant = 10;

/** Settings for instances that take every visitor and agent of the load from one client address, at full speed. */
const loadSettings: NodeJS.ProcessEnv = {
  CHAT_MAX_CONNECTIONS_PER_ADDRESS: '1000',
  CHAT_MESSAGES_PER_SECOND: '1000',
  CHAT_MESSAGE_BURST: '1000',
};

describe('one of two chat instances killed (SIGKILL) with conversations and a queue in flight', () => {
  let chat: ChatInstances;
  let database: Client;
  let kafka: KafkaTestClient;
  const participants: ChatParticipant[] = [];

  beforeAll(async () => {
    chat = await startChatInstances({ count: 2, adapter: 'postgres', env: loadSettings });
    database = new Client({ connectionString: databaseUrl(testInfra().databaseUrl, chat.databaseName) });
    await database.connect();
    kafka = new KafkaTestClient(testInfra().brokers, chat.topicPrefix);
  });

  afterAll(async () => {
    participants.forEach((participant) => participant.close());
    await kafka?.close();
    await database?.end();
    await chat?.cleanUp();
  });

  /** Tells chat about agents as identity does, and waits until it knows them all. */
  async function knownAgents(capacities: number[]): Promise<string[]> {
    const events = capacities.map((chatCapacity) => agentChanged({ chatCapacity, languages: ['en'] }));
    await kafka.produce(
      Topics.IdentityAgentChanged,
      events.map((event) => ({ key: event.agent.id, value: JSON.stringify(event) })),
    );
    const ids = events.map((event) => event.agent.id);
    await eventually(async () => {
      const { rows } = await database.query<{ known: number }>('SELECT count(*)::int AS known FROM chat_agents WHERE id = ANY($1)', [ids]);
      expect(rows[0]!.known).toBe(ids.length);
    }, 60_000);
    return ids;
  }

  /** Keeps the participant to close it afterwards. */
  async function join(connecting: Promise<ChatParticipant>): Promise<ChatParticipant> {
    const participant = await connecting;
    participants.push(participant);
    return participant;
  }

  it('keeps every acknowledged message once, the queue and every conversation, as clients move to the surviving instance', async () => {
    const [doomed, survivor] = chat.instances as [ChatInstance, ChatInstance];
    // One available agent with no room keeps the queue open; the others are away, so they take only what they accept.
    const [holderId, onDoomedId, onSurvivorId] = await knownAgents([0, 50, 50]);
    const agentAuth = (id: string, status: 'available' | 'away') => ({ token: agentToken('agent', id), status });
    await join(ChatParticipant.agent(survivor.url, survivor.url, agentAuth(holderId!, 'available')));
    const agentOnDoomed = await join(ChatParticipant.agent(doomed.url, survivor.url, agentAuth(onDoomedId!, 'away')));
    const agentOnSurvivor = await join(ChatParticipant.agent(survivor.url, survivor.url, agentAuth(onSurvivorId!, 'away')));

    const visitors = await Promise.all(
      Array.from({ length: 2 * visitorsPerInstance }, (_, index) =>
        join(ChatParticipant.visitor(index < visitorsPerInstance ? doomed.url : survivor.url, survivor.url)),
      ),
    );
    const conversations = await Promise.all(
      visitors.map(async (visitor, index) => ({
        id: await visitor.startConversation(`Hello from visitor ${index}`),
        accepted: index % 2 === 0,
      })),
    );
    await eventually(async () => {
      const { rows } = await database.query<{ queued: number }>('SELECT count(*)::int AS queued FROM queue_entries');
      expect(rows[0]!.queued).toBe(conversations.length);
    }, 30_000);
    // Half of the conversations are accepted, each by an agent on the other instance than its visitor's.
    for (const [index, conversation] of conversations.entries()) {
      if (!conversation.accepted) continue;
      await (index < visitorsPerInstance ? agentOnSurvivor : agentOnDoomed).accept(conversation.id);
    }

    const senders = [...visitors, agentOnDoomed, agentOnSurvivor];
    const traffic = Promise.all(senders.map((sender, index) => sender.sendMessages(messagesPerParticipant, `sender ${index}`)));
    const acknowledged = () => senders.flatMap((sender) => sender.sent).filter((message) => message.acknowledgedSequence).length;
    await eventually(() => expect(acknowledged()).toBeGreaterThanOrEqual((senders.length * messagesPerParticipant) / 3), 60_000);
    expect(await doomed.stop('SIGKILL')).toBe('SIGKILL');
    await traffic;
    // Every visitor and agent of the killed instance moved to the survivor, and no one else moved.
    const onDoomed = new Set([...visitors.slice(0, visitorsPerInstance), agentOnDoomed]);
    expect(senders.map((sender) => sender.failOvers)).toEqual(senders.map((sender) => (onDoomed.has(sender) ? 1 : 0)));

    const messages = await database.query<{ conversationId: string; clientId: string; sequence: number }>(
      'SELECT conversation_id AS "conversationId", client_id AS "clientId", sequence FROM chat_messages',
    );
    const perVisitor = await database.query<{ ids: string[] }>('SELECT array_agg(id::text) AS ids FROM conversations GROUP BY visitor_id');
    const queue = await database.query<{ conversationId: string }>('SELECT conversation_id AS "conversationId" FROM queue_entries');
    const row = chatTally(
      'SIGKILL one of two chat instances',
      {
        conversations,
        sent: senders.flatMap((sender) => sender.sent),
        resumeGaps: senders.reduce((total, sender) => total + sender.resumeGaps, 0),
      },
      {
        messages: messages.rows,
        conversationsPerVisitor: perVisitor.rows.map((visitor) => visitor.ids),
        queue: queue.rows.map((entry) => entry.conversationId),
      },
    );
    recordChatFaultRow(row);
    expect(row).toMatchObject({
      acknowledged: row.sent,
      stored: row.sent,
      stillQueued: row.queued,
      resumeGaps: 0,
      lost: 0,
      duplicated: 0,
    });
    // The accepted conversations stayed with their agents through the fault.
    const assigned = await database.query<{ id: string; agentId: string }>(
      `SELECT id, assigned_agent_id AS "agentId" FROM conversations WHERE state = 'assigned'`,
    );
    expect(assigned.rows.map((conversation) => conversation.id).sort()).toEqual(
      conversations
        .filter((conversation) => conversation.accepted)
        .map((conversation) => conversation.id)
        .sort(),
    );
  }, 150_000);
});
