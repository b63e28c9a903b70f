import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { emailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { EventPublisher } from '@helpgate/kafka';
import { dropDatabases } from '../../../test/support/databases';
import { emailInboundReceived, inboundMail } from '../../../test/support/events';
import { eventually, testInfra, uniqueName } from '../../../test/support/infra';
import { KafkaTestClient, specKafkaConfig } from '../../../test/support/kafka-test-client';
import { messagingDatabase } from '../../../test/support/messaging';
import { OutboxRelay } from './outbox-relay';
import { TransactionalEvents } from './transactional-events';

describe('OutboxRelay against a real database and broker', () => {
  const infra = testInfra();
  const name = uniqueName('it_relay');
  const kafkaConfig = specKafkaConfig(infra.brokers, name, { partitions: 2 });
  const kafka = new KafkaTestClient(infra.brokers, kafkaConfig.topicPrefix);
  let dataSource: DataSource;
  let publisher: EventPublisher;
  let relay: OutboxRelay;

  beforeAll(async () => {
    dataSource = await messagingDatabase(infra.databaseUrl, name);
    await kafka.createTopic(Topics.EmailInboundReceived);
    await kafka.record(Topics.EmailInboundReceived);
    publisher = new EventPublisher(new Kafka({ clientId: 'it', brokers: infra.brokers, logLevel: logLevel.NOTHING }), kafkaConfig);
    await publisher.onModuleInit();
    relay = new OutboxRelay(dataSource, publisher);
  });

  afterAll(async () => {
    await relay?.beforeApplicationShutdown();
    await publisher?.onApplicationShutdown();
    await kafka.close();
    await kafka.deleteOwnTopics();
    await dataSource?.destroy();
    await dropDatabases(infra.databaseUrl, [name]);
  });

  it('publishes a backlog of large events, many megabytes per relay batch, in order and completely', async () => {
    // About 20 KB each: one relay batch of them is several times what the broker takes in one request.
    const events = Array.from({ length: 600 }, (_, index) =>
      emailInboundReceivedV2.parse(emailInboundReceived(inboundMail({ subject: `Large ${index}`, text: `${index} `.padEnd(20_000, 'x') }))),
    );
    await new TransactionalEvents(dataSource, relay).run(async (_manager, outbox) => {
      await outbox.addAll(events.map((event) => ({ topic: Topics.EmailInboundReceived, key: 'one-sender', event })));
    });

    relay.onApplicationBootstrap();
    await eventually(() => expect(kafka.messages(Topics.EmailInboundReceived)).toHaveLength(events.length), 60_000);
    expect(kafka.events<{ eventId: string }>(Topics.EmailInboundReceived).map((event) => event.eventId)).toEqual(
      events.map((event) => event.eventId),
    );
    expect(await dataSource.query('SELECT count(*)::int AS count FROM outbox_events')).toEqual([{ count: 0 }]);
  });

  it('with two replicas relaying at once, publishes every event once and in commit order, and leaves no row', async () => {
    const second = new OutboxRelay(dataSource, publisher);
    second.onApplicationBootstrap();
    const alreadyPublished = kafka.messages(Topics.EmailInboundReceived).length;
    const events = Array.from({ length: 200 }, (_, index) =>
      emailInboundReceivedV2.parse(emailInboundReceived(inboundMail({ subject: `Replicas ${index}` }))),
    );
    try {
      for (let start = 0; start < events.length; start += 10) {
        await new TransactionalEvents(dataSource, start % 20 === 0 ? relay : second).run(async (_manager, outbox) => {
          await outbox.addAll(events.slice(start, start + 10).map((event) => ({ topic: Topics.EmailInboundReceived, key: 'one-sender', event })));
        });
      }
      await eventually(() => expect(kafka.messages(Topics.EmailInboundReceived)).toHaveLength(alreadyPublished + events.length), 60_000);
      const published = kafka.messages(Topics.EmailInboundReceived).slice(alreadyPublished);
      expect(published.map((message) => (JSON.parse(message.value!) as { eventId: string }).eventId)).toEqual(events.map((event) => event.eventId));
      expect(await dataSource.query('SELECT count(*)::int AS count FROM outbox_events')).toEqual([{ count: 0 }]);
    } finally {
      await second.beforeApplicationShutdown();
    }
  });
});
