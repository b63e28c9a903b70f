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
 * An agent invited through identity who has chosen a password from the mailed one-time link (through the API: the
 * console's own set-password page is the console spec's to test), ready to sign in to the console.
 */
export async function invitedAgent(
  stack: Stack,
  relay: TestRelay,
  name: string,
  role: 'agent' | 'admin' = 'agent',
): Promise<{ email: string; password: string }> {
  const email = `${uniqueName('agent')}@helpgate.test`;
  const password = 'a long and secret passphrase';
  const invited = await stack.fetch('identity', '/agents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name, role, languages: ['en'], chatCapacity: 1 }),
  });
  expect(invited.status).toBe(201);
  // The first mail of a fresh stack waits for every consumer group to join: longer than most waits.
  const token = await eventually(() => {
    const link = /\/console\/set-password\?token=([\w-]{43})/.exec(relay.to(email)[0]?.parsed.text ?? '');
    expect(link).not.toBeNull();
    return link![1];
  }, 60_000);
  const chosen = await fetch(`${stack.url.identity}/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  expect(chosen.status).toBe(204);
  return { email, password };
}
