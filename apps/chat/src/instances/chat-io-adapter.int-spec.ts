import { Module } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import { eventually, testRedisUrl } from '../../../../test/support/infra';
import { ReplicasInProcess, startReplicasInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import type { ChatConfig } from '../config';

/** A namespace with no handlers: the test drives rooms from the servers' side, as chat's gateways do. */
@WebSocketGateway({ namespace: '/rooms-probe' })
class RoomsProbeGateway {
  @WebSocketServer() server!: Namespace;
}

@Module({ providers: [RoomsProbeGateway] })
class RoomsProbeModule {}

/** The chat service as it starts (config, database, migrations, the adapter hook), plus the probe namespace. */
const chatWithProbe = (env: NodeJS.ProcessEnv) => {
  const definition = chatServiceDefinition(env);
  return { ...definition, rootModule: (config: ChatConfig) => ({ module: RoomsProbeModule, imports: [definition.rootModule(config)] }) };
};

const probeOf = (instance: ReplicasInProcess['replicas'][number]) => instance.app.get(RoomsProbeGateway).server;

function connect(baseUrl: string, options: Parameters<typeof io>[1] = {}): Socket {
  return io(`${baseUrl}/rooms-probe`, { reconnection: false, ...options });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function refusal(socket: Socket): Promise<Error & { description?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the connection was accepted')));
    socket.once('connect_error', resolve);
  });
}

describe.each([
  ['Postgres (no REDIS_URL)', {}],
  ['Redis (REDIS_URL set)', { REDIS_URL: testRedisUrl() }],
])('chat instances sharing rooms through %s', (_transport, env: NodeJS.ProcessEnv) => {
  let instances: ReplicasInProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    instances = await startReplicasInProcess(chatWithProbe, 2, { ...env, CHAT_ALLOWED_ORIGINS: 'https://www.example.test' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await instances?.close();
  });

  it('delivers a room broadcast sent by one instance to a socket connected to the other', async () => {
    const [first, second] = instances.replicas;
    const visitor = connect(first.baseUrl, { transports: ['websocket'] });
    sockets.push(visitor);
    await connected(visitor);
    const room = `conversation:${visitor.id}`;

    // The other instance sees the socket and puts it in a room: both go through the adapter.
    await eventually(async () => expect((await probeOf(second).fetchSockets()).map((socket) => socket.id)).toContain(visitor.id));
    probeOf(second).in(visitor.id!).socketsJoin(room);
    await eventually(async () => expect((await probeOf(second).in(room).fetchSockets()).map((socket) => socket.id)).toEqual([visitor.id]));

    const said = new Promise<unknown[]>((resolve) => visitor.once('said', (...args: unknown[]) => resolve(args)));
    probeOf(second).to(room).emit('said', { text: 'hello from the other instance', sequence: 1 });
    expect(await said).toEqual([{ text: 'hello from the other instance', sequence: 1 }]);
  });

  it('carries broadcasts too large for a notification, and binary ones', async () => {
    const [first, second] = instances.replicas;
    const visitor = connect(first.baseUrl);
    sockets.push(visitor);
    await connected(visitor);
    await eventually(async () => expect((await probeOf(second).fetchSockets()).map((socket) => socket.id)).toContain(visitor.id));

    const large = 'x'.repeat(20_000);
    const received = new Promise<unknown[]>((resolve) => visitor.once('file', (...args: unknown[]) => resolve(args)));
    probeOf(second)
      .to(visitor.id!)
      .emit('file', large, Buffer.from([1, 2, 3]));
    const [text, bytes] = await received;
    expect(text).toBe(large);
    expect(Buffer.from(bytes as ArrayBuffer)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('passes messages between the instances themselves (serverSideEmit)', async () => {
    const [first, second] = instances.replicas;
    const heard: unknown[][] = [];
    probeOf(first).on('presence-changed', (...args: unknown[]) => heard.push(args));
    // Sent until heard: an instance learns of the others from their heartbeats.
    await eventually(() => {
      probeOf(second).serverSideEmit('presence-changed', { agentId: 'a-1', status: 'available' });
      expect(heard[0]).toEqual([{ agentId: 'a-1', status: 'available' }]);
    });
  });

  it('admits the allowed site and refuses any other, on either transport, with the reason', async () => {
    const [first] = instances.replicas;
    const allowed = connect(first.baseUrl, { extraHeaders: { origin: 'https://www.example.test' } });
    sockets.push(allowed);
    await connected(allowed);

    for (const transports of [['polling'], ['websocket']]) {
      const stranger = connect(first.baseUrl, { transports, extraHeaders: { origin: 'https://evil.test' } });
      sockets.push(stranger);
      await refusal(stranger);
    }

    const handshake = await fetch(`${first.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.test' } });
    expect(handshake.status).toBe(403);
    expect(await handshake.json()).toEqual({
      code: 4,
      message: 'origin https://evil.test may not open the chat: it is not in CHAT_ALLOWED_ORIGINS',
    });
  });
});
