import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { EventOf, TopicName, Topics } from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { agentToken } from '../../../test/support/auth';
import { agentChanged } from '../../../test/support/events';
import { eventually } from '../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../test/support/service-in-process';
import { chatServiceDefinition } from '../src/chat.definition';

export interface ChatUnderTest extends ServiceInProcess {
  database: Client;
  /** Publishes an event to the service and waits until it has handled it. */
  handled(topic: TopicName, key: string, event: { eventId: string }): Promise<void>;
  /** Tells chat about an agent as identity does, and waits until it knows it. */
  knownAgent(agent?: { id?: string; name?: string; languages?: string[]; chatCapacity?: number }): Promise<{ id: string; name: string }>;
  /** A socket on `/visitor` (anonymous unless given credentials), connected and told its session. */
  visitor(auth?: Record<string, unknown>): Promise<VisitorClient>;
  /** A socket on `/agent` with a token of the agent. */
  agent(agentId: string, options?: { status?: 'available' | 'away'; token?: string }): Promise<ChatClient>;
  /** Events chat published (outbox relayed to Kafka), for one conversation. */
  published<T extends TopicName>(topic: T, conversationId: string): EventOf<T>[];
  close(): Promise<void>;
}

export interface ChatClient {
  socket: Socket;
  /** Emits with an acknowledgement and answers it; a refusal answers `{ error }`. */
  request<T = unknown>(event: string, payload?: unknown): Promise<T>;
  /** Every event of that name received so far. */
  received<T = unknown>(event: string): T[];
  /** Waits for an event of that name matching the predicate (received before or after the call). */
  next<T = unknown>(event: string, matching?: (payload: T) => boolean): Promise<T>;
  close(): void;
}

export interface VisitorClient extends ChatClient {
  visitorId: string;
  visitorToken: string | null;
}

/**
 * Runs chat in this process against the real broker and Postgres, with a fast queue sweep; records what chat
 * publishes. Several instances may share one database and topic prefix (`shareWith`), as the instances of one deployment.
 */
export async function startChat(env: NodeJS.ProcessEnv = {}, shareWith?: ChatUnderTest): Promise<ChatUnderTest> {
  const shared = shareWith
    ? {
        DATABASE_NAME: shareWith.env.DATABASE_NAME,
        KAFKA_TOPIC_PREFIX: shareWith.env.KAFKA_TOPIC_PREFIX,
        KAFKA_GROUP_ID: shareWith.env.KAFKA_GROUP_ID,
      }
    : {};
  const service = await startServiceInProcess(chatServiceDefinition, { CHAT_SWEEP_INTERVAL_MS: '200', ...shared, ...env });
  // An instance sharing another's topics produces and records through that one's client (same prefix).
  const kafka = shareWith?.kafka ?? service.kafka;
  const database = new Client({ connectionString: databaseUrl(service.env.DATABASE_URL!, service.env.DATABASE_NAME!) });
  try {
    await database.connect();
    if (!shareWith) await kafka.record(Topics.ChatConversationEscalated, Topics.ChatTranscriptRecorded, Topics.ChatVisitorIdentified);
  } catch (error) {
    await database.end().catch(() => undefined);
    await (shareWith ? service.app.close() : service.close());
    throw error;
  }
  const clients: ChatClient[] = [];
  const connect = async (namespace: string, auth: Record<string, unknown>): Promise<ChatClient> => {
    const socket = io(`${service.baseUrl}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    const client = clientOf(socket);
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error & { data?: unknown }) => reject(Object.assign(error, { data: error.data })));
    });
    return client;
  };
  const handled = async (topic: TopicName, key: string, event: { eventId: string }) => {
    await kafka.produce(topic, [{ key, value: JSON.stringify(event) }]);
    await eventually(async () =>
      expect((await database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [event.eventId])).rowCount).toBe(1),
    );
  };
  return {
    ...service,
    kafka,
    database,
    handled,
    async knownAgent(agent = {}) {
      const event = agentChanged({ languages: ['en'], chatCapacity: 2, ...agent });
      await handled(Topics.IdentityAgentChanged, event.agent.id, event);
      return { id: event.agent.id, name: event.agent.name };
    },
    async visitor(auth = {}) {
      const client = await connect('/visitor', auth);
      const session = await client.next<{ visitorId: string; visitorToken: string | null }>('session');
      return { ...client, ...session };
    },
    agent: (agentId, options = {}) =>
      connect('/agent', { token: options.token ?? agentToken('agent', agentId), ...(options.status ? { status: options.status } : {}) }),
    published: <T extends TopicName>(topic: T, conversationId: string) =>
      kafka.events<EventOf<T> & { conversationId: string }>(topic).filter((event) => event.conversationId === conversationId),
    async close() {
      for (const client of clients) client.close();
      await database.end();
      if (!shareWith) return service.close();
      // The database and topics belong to the instance shared with, which removes them.
      await service.app.close();
      await service.kafka.close();
    },
  };
}

/** Wraps a connected socket.io client: acknowledged requests and every event it received. */
export function clientOf(socket: Socket): ChatClient {
  const received = new Map<string, unknown[]>();
  socket.onAny((event: string, payload: unknown) => {
    received.set(event, [...(received.get(event) ?? []), payload]);
  });
  return {
    socket,
    request: (event, payload = {}) => socket.timeout(15_000).emitWithAck(event, payload),
    received: <T>(event: string) => (received.get(event) ?? []) as T[],
    next: <T>(event: string, matching: (payload: T) => boolean = () => true) =>
      eventually(() => {
        const found = ((received.get(event) ?? []) as T[]).find(matching);
        if (found === undefined) throw new Error(`no ${event} event matching yet`);
        return found;
      }),
    close: () => socket.disconnect(),
  };
}

/** A fresh client id, as a browser makes one per message. */
export const clientId = () => randomUUID();
