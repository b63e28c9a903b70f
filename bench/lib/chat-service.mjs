// The chat service as the benchmark drives it: one instance from dist/, agents announced as identity announces
// them, visitors and agents on /visitor and /agent speaking the real protocol.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentBearerToken } from './auth.mjs';
import { openSocket } from './socket-load.mjs';

/**
 * What the benchmark changes in chat's settings, and why: one load generator on one address stands in for every
 * visitor and agent, so the per-address connection limit and the per-connection message rate would refuse it.
 */
export const benchChatEnv = {
  CHAT_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  CHAT_MESSAGES_PER_SECOND: '1000',
  CHAT_MESSAGE_BURST: '1000',
};

/** Emits with an acknowledgement; a refusal (`{ error }`) throws. */
export async function request(socket, event, payload = {}) {
  const answer = await socket.timeout(30_000).emitWithAck(event, payload);
  if (answer?.error) throw new Error(`${event} refused: ${JSON.stringify(answer.error)}`);
  return answer;
}

/** Publishes agents as identity does (`identity.agent.changed.v1`) and waits until chat knows them all. */
export async function announceAgents(run, capacities) {
  const agents = capacities.map((chatCapacity) => ({ id: randomUUID(), chatCapacity }));
  const producer = run.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const messages = agents.map(({ id, chatCapacity }) => ({
      key: id,
      value: JSON.stringify({
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        agent: {
          id,
          name: 'Bench Agent',
          email: `agent-${id}@helpgate.test`,
          role: 'agent',
          languages: ['en'],
          chatCapacity,
          active: true,
        },
      }),
    }));
    await producer.send({ topic: run.topic('identity.agent.changed.v1'), acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  await until(run, 'SELECT count(*)::int AS count FROM chat_agents WHERE id = ANY($1)', [agents.map((agent) => agent.id)], agents.length);
  return agents.map((agent) => agent.id);
}

/** Waits until the query's `count` reaches `expected` in chat's database. */
export async function until(run, sql, parameters, expected, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ count }] = await run.query('chat', sql, parameters);
    if (count >= expected) return;
    if (Date.now() > deadline) throw new Error(`chat reached ${count} of ${expected} for: ${sql}`);
    await sleep(100);
  }
}

export function connectAgent(url, agentId, status) {
  return openSocket(`${url}/agent`, { auth: { token: agentBearerToken(agentId), status } });
}

export const connectVisitor = (url) => openSocket(`${url}/visitor`);

/** A new visitor's first message: it starts a conversation, which asks for a person (no AI agent). */
export async function startConversation(visitor, text) {
  const { conversationId } = await request(visitor, 'message.send', { clientId: randomUUID(), text });
  return conversationId;
}
