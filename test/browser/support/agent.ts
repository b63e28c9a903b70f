import { io } from 'socket.io-client';
import { ChatClient, clientOf } from '../../../apps/chat/test/chat-under-test';
import { agentToken } from '../../support/auth';
import { eventually, uniqueName } from '../../support/infra';
import { Stack } from '../../support/stack';
import { TestRelay } from '../../support/test-relay';

/**
 * An agent on chat's `/agent` namespace as a socket.io client: created through identity, connected once chat has
 * learnt of it from identity's event, available for routed chats. With `chatCapacity: 0` it takes none, yet keeps
 * conversations waiting in the queue for others to accept.
 */
export async function availableAgent(stack: Stack, name: string, { chatCapacity = 3 } = {}): Promise<ChatClient & { id: string }> {
  const created = await stack.fetch('identity', '/agents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${uniqueName('agent')}@helpgate.test`, name, languages: ['en'], chatCapacity }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const client = await eventually(async () => {
    const socket = io(`${stack.url.chat}/agent`, {
      auth: { token: agentToken('agent', id), status: 'available' },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
    return clientOf(socket);
  }, 60_000);
  return Object.assign(client, { id });
}

/**
 * Invites an agent through identity and answers the set-password link identity mailed them (through the relay), with
 * the new agent's id.
 */
export async function invitedAgent(
  stack: Stack,
  relay: TestRelay,
  agent: { email: string; name: string; role?: 'admin' | 'agent' },
): Promise<{ id: string; link: string }> {
  const invited = await stack.fetch('identity', '/agents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...agent, languages: ['en'], chatCapacity: 2 }),
  });
  expect(invited.status).toBe(201);
  const { id } = (await invited.json()) as { id: string };
  const link = await eventually(() => {
    const found = /http:\/\/127\.0\.0\.1:\d+\/console\/set-password\?token=[\w-]{43}/.exec(relay.to(agent.email).at(-1)?.parsed.text ?? '');
    expect(found).not.toBeNull();
    return found![0];
  }, 60_000);
  return { id, link };
}
