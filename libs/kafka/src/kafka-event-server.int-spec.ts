import { randomUUID } from 'node:crypto';
import { DynamicModule, INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import { register } from 'prom-client';
import { deadLetterTopicOf, Topics, TicketsTicketChangedV3, ticketsTicketChangedV3 } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { ticketChanged as ticketChangedEvent } from '../../../test/support/events';
import { eventually, testInfra, uniqueName } from '../../../test/support/infra';
import { KafkaTestClient, RecordedMessage, specKafkaConfig } from '../../../test/support/kafka-test-client';
import { ConsumeEvent, EventConsumer } from './event-consumer.decorator';
import { DEAD_LETTER_HEADERS } from './dead-letters/dead-letter-headers';
import { addressedToGroup } from './dead-letters/replay';
import { recordForEvent } from './event-publisher';
import { KafkaEventServer, kafkaEventTransport } from './kafka-event-server';
import { KafkaModule } from './kafka.module';

const ticketTopic = Topics.TicketsTicketChanged;
const deadLetterTopic = deadLetterTopicOf(ticketTopic);
const maxHandlerAttempts = 3;

/** Every call of the test handler, and the calls that returned without throwing. */
class HandlerLog {
  readonly attempts: TicketsTicketChangedV3[] = [];
  readonly handled: TicketsTicketChangedV3[] = [];

  recordAttempt(event: TicketsTicketChangedV3): number {
    this.attempts.push(event);
    return this.attemptsOf(event.eventId);
  }

  recordHandled(event: TicketsTicketChangedV3): void {
    this.handled.push(event);
  }

  attemptsOf(eventId: string): number {
    return this.attempts.filter((event) => event.eventId === eventId).length;
  }

  timesHandled(eventId: string): number {
    return this.handled.filter((event) => event.eventId === eventId).length;
  }
}

class ConnectionRefused extends Error {
  readonly code = 'ECONNREFUSED';
}

/** The ticket subject scripts how the handler fails: the transport sees ordinary and infrastructure errors. */
function failAsScripted(subject: string, attempt: number): void {
  if (subject === 'fail-always') throw new Error('the handler always fails');
  if (subject === 'fail-twice' && attempt <= 2) throw new Error(`the handler fails on attempt ${attempt}`);
  if (subject === 'transient-once' && attempt === 1) throw new ConnectionRefused('connect ECONNREFUSED 127.0.0.1:5432');
}

@EventConsumer()
class TicketChangedConsumer {
  constructor(private readonly log: HandlerLog) {}

  @ConsumeEvent(Topics.TicketsTicketChanged)
  async onTicketChanged(event: TicketsTicketChangedV3): Promise<void> {
    const attempt = this.log.recordAttempt(event);
    failAsScripted(event.ticket.subject, attempt);
    this.log.recordHandled(event);
  }
}

/** Takes many events per call; a call holding a "poison" event fails as a whole, as a rolled-back transaction would. */
@EventConsumer()
class TicketChangedBatchConsumer {
  readonly calls: string[][] = [];

  constructor(private readonly log: HandlerLog) {}

  @ConsumeEvent(Topics.TicketsTicketChanged, { batch: true })
  async onTicketsChanged(events: TicketsTicketChangedV3[]): Promise<void> {
    this.calls.push(events.map((event) => event.eventId));
    const attempts = events.map((event) => this.log.recordAttempt(event));
    events.forEach((event, index) => failAsScripted(event.ticket.subject, attempts[index]));
    if (events.some((event) => event.ticket.subject === 'poison')) throw new Error('a poison event fails its whole batch');
    events.forEach((event) => this.log.recordHandled(event));
  }
}

type ConsumerClass = typeof TicketChangedConsumer | typeof TicketChangedBatchConsumer;

@Module({})
class TransportTestModule {
  static forRoot(config: KafkaConfig, log: HandlerLog, consumer: ConsumerClass): DynamicModule {
    return {
      module: TransportTestModule,
      imports: [KafkaModule.forRoot(config)],
      controllers: [consumer],
      providers: [{ provide: HandlerLog, useValue: log }],
    };
  }
}

async function startConsumerAppWithServer(
  config: KafkaConfig,
  log: HandlerLog,
  consumer: ConsumerClass = TicketChangedConsumer,
): Promise<{ app: INestApplication; server: KafkaEventServer }> {
  const app = await NestFactory.create(TransportTestModule.forRoot(config, log, consumer), { logger: false });
  const server = kafkaEventTransport(app, config);
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
  await app.init();
  await app.startAllMicroservices();
  return { app, server };
}

async function startConsumerApp(config: KafkaConfig, log: HandlerLog, consumer?: ConsumerClass): Promise<INestApplication> {
  return (await startConsumerAppWithServer(config, log, consumer)).app;
}

function ticketChanged(subject: string): TicketsTicketChangedV3 {
  return ticketsTicketChangedV3.parse(ticketChangedEvent({ subject }));
}

function deadLettersWithValue(kafka: KafkaTestClient, value: string): RecordedMessage[] {
  return kafka.messages(deadLetterTopic).filter((message) => message.value === value);
}

function deadLettersOf(kafka: KafkaTestClient, event: TicketsTicketChangedV3): RecordedMessage[] {
  return deadLettersWithValue(kafka, JSON.stringify(event));
}

describe('KafkaEventServer against the real broker', () => {
  const { brokers } = testInfra();
  const name = uniqueName('kafka_transport');
  const kafkaConfig = specKafkaConfig(brokers, name, { maxHandlerAttempts, maxEventsPerBatch: 50 });
  const kafka = new KafkaTestClient(brokers, kafkaConfig.topicPrefix);
  const admin: Admin = new Kafka({ clientId: 'it-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  let app: INestApplication | undefined;
  let log: HandlerLog;

  beforeAll(async () => {
    await admin.connect();
    log = new HandlerLog();
    app = await startConsumerApp(kafkaConfig, log);
    await kafka.record(deadLetterTopic);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await kafka.deleteOwnTopics();
    await admin.disconnect();
  }, 60_000);

  /**
   * The offset the next record written to the (single-partition) topic gets. A broker busy electing the leaders of
   * new topics answers "not the leader" for a while (a CI run failed on it), so the look is repeated until it answers.
   */
  async function endOffset(topic: string): Promise<string> {
    const partitions = await eventually(() => admin.fetchTopicOffsets(kafkaConfig.topicPrefix + topic));
    expect(partitions).toHaveLength(1);
    return partitions[0].high;
  }

  async function produceRaw(value: string, key: string = randomUUID()): Promise<void> {
    await kafka.produce(ticketTopic, [{ key, value }]);
  }

  async function produceEvent(event: TicketsTicketChangedV3): Promise<void> {
    await produceRaw(JSON.stringify(event), event.ticket.id);
  }

  async function waitUntilHandled(event: TicketsTicketChangedV3, handlerLog = log): Promise<void> {
    await eventually(() => expect(handlerLog.timesHandled(event.eventId)).toBeGreaterThanOrEqual(1));
  }

  /**
   * Sends a marker behind everything produced so far and waits for it to be handled; with one partition
   * every earlier record is then finished, and the dead-letter recorder is made to catch up with the topic.
   */
  async function drainTopic(): Promise<void> {
    const marker = ticketChanged('marker');
    await produceEvent(marker);
    await waitUntilHandled(marker);
    const deadLetterEnd = Number(await endOffset(deadLetterTopic));
    await eventually(() => expect(kafka.messages(deadLetterTopic)).toHaveLength(deadLetterEnd));
  }

  /** Produces the event and waits until it and everything before it are finished. */
  async function produceAndDrain(event: TicketsTicketChangedV3): Promise<TicketsTicketChangedV3> {
    await produceEvent(event);
    await waitUntilHandled(event);
    await drainTopic();
    return event;
  }

  it('handles a valid event exactly once and dead-letters nothing', async () => {
    const event = await produceAndDrain(ticketChanged('valid'));

    expect(log.attemptsOf(event.eventId)).toBe(1);
    expect(log.timesHandled(event.eventId)).toBe(1);
    expect(kafka.messages(deadLetterTopic)).toEqual([]);
  });

  it('dead-letters a record that is not JSON with its original value and position, and keeps consuming the partition', async () => {
    const notJson = `not json ${randomUUID()}`;
    const notJsonKey = randomUUID();
    const notJsonOffset = await endOffset(ticketTopic);
    await produceRaw(notJson, notJsonKey);
    const follower = ticketChanged('behind the record that is not JSON');
    await produceEvent(follower);

    await waitUntilHandled(follower);
    const [deadLetter] = await eventually(() => {
      const found = deadLettersWithValue(kafka, notJson);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(deadLetter.key).toBe(notJsonKey);
    expect(deadLetter.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/^invalid: not JSON: /);
    expect(deadLetter.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.originalTopic]: ticketTopic,
      [DEAD_LETTER_HEADERS.originalPartition]: '0',
      [DEAD_LETTER_HEADERS.originalOffset]: notJsonOffset,
      [DEAD_LETTER_HEADERS.consumerGroup]: kafkaConfig.groupId,
    });
    expect(new Date(deadLetter.headers[DEAD_LETTER_HEADERS.failedAt]).getTime()).not.toBeNaN();
    expect(log.attemptsOf(follower.eventId)).toBe(1);
  });

  it('dead-letters JSON that breaks the schema, naming the offending path, without calling the handler', async () => {
    const { ticket: _missing, ...withoutTicket } = ticketChanged('schema break');
    const brokenValue = JSON.stringify(withoutTicket);
    await produceRaw(brokenValue);
    await drainTopic();

    const deadLetters = deadLettersWithValue(kafka, brokenValue);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers[DEAD_LETTER_HEADERS.reason]).toMatch(/^invalid: ticket: /);
    expect(log.attemptsOf(withoutTicket.eventId)).toBe(0);
  });

  it('gives up on a handler that always fails after maxHandlerAttempts, dead-letters the event and handles the next one', async () => {
    const failing = ticketChanged('fail-always');
    const follower = ticketChanged('behind the failing event');
    await produceEvent(failing);
    await produceEvent(follower);
    await waitUntilHandled(follower);
    await drainTopic();

    const order = log.attempts.map((event) => event.eventId).filter((id) => id === failing.eventId || id === follower.eventId);
    expect(order).toEqual([...Array<string>(maxHandlerAttempts).fill(failing.eventId), follower.eventId]);
    expect(log.timesHandled(failing.eventId)).toBe(0);
    const deadLetters = deadLettersOf(kafka, failing);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers[DEAD_LETTER_HEADERS.reason]).toBe(
      `failed after ${maxHandlerAttempts} attempts: Error: the handler always fails`,
    );
    expect(deadLetters[0].key).toBe(failing.ticket.id);
  });

  it.each([
    { title: 'handles an event whose handler fails twice on the third attempt', subject: 'fail-twice', attempts: 3 },
    { title: 'retries an event whose handler hit a refused connection', subject: 'transient-once', attempts: 2 },
  ])('$title, without dead-lettering it', async ({ subject, attempts }) => {
    const retried = await produceAndDrain(ticketChanged(subject));

    expect(log.attemptsOf(retried.eventId)).toBe(attempts);
    expect(log.timesHandled(retried.eventId)).toBe(1);
    expect(deadLettersOf(kafka, retried)).toEqual([]);
  });

  it('commits what it handled while it runs, without a batch after it: an idle consumer is not left behind', async () => {
    const event = ticketChanged('committed while idle');
    await produceEvent(event);
    await waitUntilHandled(event);

    await eventually(async () => expect(await kafka.hasConsumedAll(kafkaConfig.groupId, [ticketTopic])).toBe(true));
    expect(log.timesHandled(event.eventId)).toBe(1);
  });

  it('commits offsets after handling: a restarted consumer of the same group sees only new records', async () => {
    const deadLetterEndBeforeRestart = await endOffset(deadLetterTopic);
    await app!.close();
    app = undefined;

    const logAfterRestart = new HandlerLog();
    app = await startConsumerApp(kafkaConfig, logAfterRestart);
    const newEvent = ticketChanged('after the restart');
    await produceEvent(newEvent);
    await waitUntilHandled(newEvent, logAfterRestart);

    expect(logAfterRestart.attempts.map((event) => event.eventId)).toEqual([newEvent.eventId]);
    expect(await endOffset(deadLetterTopic)).toBe(deadLetterEndBeforeRestart);
  });

  it('counts dead-lettered events by topic and cause in the process metrics', async () => {
    const metric = await register.getSingleMetric('helpgate_events_dead_lettered_total')!.get();
    const count = (cause: string) =>
      metric.values.find((sample) => sample.labels.topic === ticketTopic && sample.labels.cause === cause)?.value ?? 0;
    expect(count('invalid')).toBe(2);
    expect(count('failed')).toBe(1);
  });
});

describe('KafkaEventServer with a batch handler against the real broker', () => {
  const { brokers } = testInfra();
  const name = uniqueName('kafka_batches');
  const maxEventsPerBatch = 8;
  const kafkaConfig = specKafkaConfig(brokers, name, { maxHandlerAttempts, maxEventsPerBatch });
  const kafka = new KafkaTestClient(brokers, kafkaConfig.topicPrefix);
  let app: INestApplication | undefined;
  let log: HandlerLog;

  /** Writes the records while no consumer runs, so that they reach the next one as one fetched batch. */
  async function consumeFromBacklog(values: string[]): Promise<TicketChangedBatchConsumer> {
    await app?.close();
    await kafka.produce(
      ticketTopic,
      values.map((value) => ({ key: 'one-partition', value })),
    );
    log = new HandlerLog();
    app = await startConsumerApp(kafkaConfig, log, TicketChangedBatchConsumer);
    return app.get(TicketChangedBatchConsumer);
  }

  beforeAll(async () => {
    // The first start creates the topics.
    log = new HandlerLog();
    app = await startConsumerApp(kafkaConfig, log, TicketChangedBatchConsumer);
    await kafka.record(deadLetterTopic);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await kafka.deleteOwnTopics();
  }, 60_000);

  it('hands a backlog over in calls of many events, each at most maxEventsPerBatch, in offset order, each event once', async () => {
    const events = Array.from({ length: 20 }, (_, index) => ticketChanged(`batched ${index}`));
    const consumer = await consumeFromBacklog(events.map((event) => JSON.stringify(event)));
    await eventually(() => expect(log.handled).toHaveLength(events.length));

    expect(log.handled.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    expect(log.attempts).toHaveLength(events.length);
    expect(consumer.calls.length).toBeLessThan(events.length);
    expect(Math.max(...consumer.calls.map((call) => call.length))).toBeLessThanOrEqual(maxEventsPerBatch);
    expect(consumer.calls.some((call) => call.length > 1)).toBe(true);
  });

  it('when a batch fails, hands its events over one at a time: the poison event is dead-lettered, the others handled once', async () => {
    const before = ticketChanged('before the poison');
    const poison = ticketChanged('poison');
    const notJson = `not json ${randomUUID()}`;
    const after = ticketChanged('after the poison');
    const consumer = await consumeFromBacklog(
      [before, poison].map((event) => JSON.stringify(event)).concat(notJson, JSON.stringify(after)),
    );

    await eventually(() => expect(deadLettersOf(kafka, poison)).toHaveLength(1));
    await eventually(() => expect(deadLettersWithValue(kafka, notJson)).toHaveLength(1));
    await eventually(() => expect(log.timesHandled(after.eventId)).toBe(1));

    expect(consumer.calls[0]).toEqual([before.eventId, poison.eventId, after.eventId]);
    expect(consumer.calls.slice(1)).toEqual([
      [before.eventId],
      ...Array.from({ length: maxHandlerAttempts }, () => [poison.eventId]),
      [after.eventId],
    ]);
    expect(log.timesHandled(before.eventId)).toBe(1);
    expect(log.timesHandled(poison.eventId)).toBe(0);
    expect(deadLettersOf(kafka, poison)[0].headers[DEAD_LETTER_HEADERS.reason]).toBe(
      `failed after ${maxHandlerAttempts} attempts: Error: a poison event fails its whole batch`,
    );
  });
});

describe('KafkaEventServer when its topic is deleted and created again', () => {
  const { brokers } = testInfra();
  const name = uniqueName('kafka_recreated');
  const kafkaConfig = specKafkaConfig(brokers, name, { maxHandlerAttempts, topicCheckIntervalMs: 200 });
  const wireTopic = kafkaConfig.topicPrefix + ticketTopic;
  const kafka = new KafkaTestClient(brokers, kafkaConfig.topicPrefix);
  const warnings = jest.spyOn(Logger.prototype, 'warn');
  let app: INestApplication | undefined;

  afterAll(async () => {
    warnings.mockRestore();
    await app?.close();
    await kafka.close();
    await kafka.deleteOwnTopics();
  }, 60_000);

  it('reads the new topic from its beginning even when records reached it before the consumer fetched it again', async () => {
    const log = new HandlerLog();
    const started = await startConsumerAppWithServer(kafkaConfig, log);
    app = started.app;
    const consumer = started.server.unwrap<Consumer>();
    const beforeDeletion = ticketChanged('before the topic was deleted');
    await kafka.produce(ticketTopic, [{ key: 'one-partition', value: JSON.stringify(beforeDeletion) }]);
    await eventually(() => expect(log.timesHandled(beforeDeletion.eventId)).toBe(1));

    // Paused, the consumer keeps its position (offset 1) but fetches nothing: the new topic then holds a record
    // at offset 0 before the consumer fetches it, as when its fetches back off while the topic is gone.
    consumer.pause([{ topic: wireTopic }]);
    await kafka.deleteTopic(ticketTopic);
    await eventually(() =>
      expect(warnings).toHaveBeenCalledWith({ topics: [wireTopic] }, expect.stringMatching(/^subscribed topics are gone/)),
    );
    await kafka.createTopic(ticketTopic, 1);
    const afterRecreation = ticketChanged('in the recreated topic');
    await kafka.produce(ticketTopic, [{ key: 'one-partition', value: JSON.stringify(afterRecreation) }]);
    consumer.resume([{ topic: wireTopic }]);

    await eventually(() => expect(log.timesHandled(afterRecreation.eventId)).toBe(1));
    expect(log.timesHandled(beforeDeletion.eventId)).toBe(1);
  });
});

describe('KafkaEventServer and replayed dead letters (real broker)', () => {
  const { brokers } = testInfra();
  const name = uniqueName('kafka_replay');
  const failingGroup = specKafkaConfig(brokers, name);
  const otherGroup = { ...failingGroup, groupId: `${name}-other` };
  const kafka = new KafkaTestClient(brokers, failingGroup.topicPrefix);
  const failingLog = new HandlerLog();
  const otherLog = new HandlerLog();
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    apps.push(await startConsumerApp(failingGroup, failingLog), await startConsumerApp(otherGroup, otherLog));
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await kafka.close();
    await kafka.deleteOwnTopics();
  }, 60_000);

  it('a record handed back for one consumer group is handled by that group alone; the others skip it', async () => {
    const replayed = ticketChanged('replayed for the failing group');
    const everyones = ticketChanged('for every group');
    for (const record of [
      addressedToGroup(recordForEvent(ticketTopic, 'k', replayed), failingGroup.groupId),
      recordForEvent(ticketTopic, 'k', everyones),
    ]) {
      await kafka.produce(ticketTopic, [{ key: record.key, value: record.value, headers: record.headers }]);
    }

    // One partition: once both groups handled the record behind it, each has passed the replayed one.
    await eventually(() => expect([failingLog.timesHandled(everyones.eventId), otherLog.timesHandled(everyones.eventId)]).toEqual([1, 1]));
    expect(failingLog.timesHandled(replayed.eventId)).toBe(1);
    expect(otherLog.attemptsOf(replayed.eventId)).toBe(0);
  });
});
