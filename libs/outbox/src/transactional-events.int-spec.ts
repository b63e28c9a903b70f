import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { EVENT_HEADERS, EventPublisher } from '@helpgate/kafka';
import { dropDatabases } from '../../../test/support/databases';
import { accessMailRequested, agentChanged } from '../../../test/support/events';
import { testInfra, uniqueName } from '../../../test/support/infra';
import { specKafkaConfig } from '../../../test/support/kafka-test-client';
import { messagingDatabase } from '../../../test/support/messaging';
import { OutboxRelay } from './outbox-relay';
import { TransactionalEvents } from './transactional-events';

describe('TransactionalEvents in batches, against a real database', () => {
  const infra = testInfra();
  const name = uniqueName('it_outbox');
  const kafkaConfig = specKafkaConfig(infra.brokers, name);
  let dataSource: DataSource;
  let events: TransactionalEvents;

  beforeAll(async () => {
    dataSource = await messagingDatabase(infra.databaseUrl, name);
    // The relay is never started here: the specs read the outbox rows it would publish.
    const publisher = new EventPublisher(new Kafka({ clientId: 'it', brokers: infra.brokers, logLevel: logLevel.NOTHING }), kafkaConfig);
    events = new TransactionalEvents(dataSource, new OutboxRelay(dataSource, publisher));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabases(infra.databaseUrl, [name]);
  });

  async function outboxRows(): Promise<{ event_id: string; topic: string; key: string; value: string; headers: Record<string, string> }[]> {
    return dataSource.query('SELECT event_id, topic, key, value, headers FROM outbox_events ORDER BY seq');
  }

  it('hands the work only the events not processed before, each once and in the order given', async () => {
    const [first, second, third] = [
      accessMailRequested(randomUUID()),
      accessMailRequested(randomUUID()),
      accessMailRequested(randomUUID()),
    ];
    const handed: string[][] = [];
    const record = async (fresh: { eventId: string }[]) => {
      handed.push(fresh.map((event) => event.eventId));
    };

    await events.runOnceEach([first, second, first], Topics.IdentityAccessMailRequested, record);
    await events.runOnceEach([second, third, first], Topics.IdentityAccessMailRequested, record);
    await events.runOnceEach([third], Topics.IdentityAccessMailRequested, record);

    expect(handed).toEqual([[first.eventId, second.eventId], [third.eventId]]);
  });

  it('keeps nothing of a batch whose work failed, so that its events are handled when tried again', async () => {
    const event = accessMailRequested(randomUUID());
    await expect(
      events.runOnceEach([event], Topics.IdentityAccessMailRequested, async (_fresh, _manager, outbox) => {
        await outbox.addAll([{ topic: Topics.IdentityAccessMailRequested, key: 'd', event }]);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await outboxRows()).toEqual([]);

    const handed: string[] = [];
    await events.runOnceEach([event], Topics.IdentityAccessMailRequested, async (fresh) => {
      handed.push(...fresh.map((each) => each.eventId));
    });
    expect(handed).toEqual([event.eventId]);
  });

  it('adds many events to the outbox in one call, in the order given, as the single form would', async () => {
    const access = accessMailRequested(randomUUID());
    const agent = agentChanged();
    await events.run(async (_manager, outbox) => {
      await outbox.addAll([
        { topic: Topics.IdentityAgentChanged, key: 'agent-key', event: agent },
        { topic: Topics.IdentityAccessMailRequested, key: 'access-key', event: access },
      ]);
      await outbox.add(Topics.IdentityAccessMailRequested, 'single-key', accessMailRequested(randomUUID()));
    });

    const rows = await outboxRows();
    expect(rows.map((row) => [row.topic, row.key])).toEqual([
      [Topics.IdentityAgentChanged, 'agent-key'],
      [Topics.IdentityAccessMailRequested, 'access-key'],
      [Topics.IdentityAccessMailRequested, 'single-key'],
    ]);
    expect(rows[0]).toMatchObject({ event_id: agent.eventId, value: JSON.stringify(agent), headers: { 'event-id': agent.eventId } });
    expect(rows[1].headers).toEqual({
      [EVENT_HEADERS.eventId]: access.eventId,
      [EVENT_HEADERS.eventType]: Topics.IdentityAccessMailRequested,
      [EVENT_HEADERS.contentType]: 'application/json',
    });
  });
});
