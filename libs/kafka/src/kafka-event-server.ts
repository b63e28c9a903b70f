import { INestApplicationContext, Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { Counter } from 'prom-client';
import { lastValueFrom } from 'rxjs';
import { deadLetterTopicOf, isTopicName, topicSchemas } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { EventPublisher } from './event-publisher';
import { KAFKA_CLIENT } from './kafka-client';
import { BATCH_HANDLER_EXTRA } from './event-consumer.decorator';
import { DeadLetterCause, decideOnFailure } from './failure-policy';
import { KafkaEventContext } from './kafka-event-context';
import { DEAD_LETTER_HEADERS } from './dead-letters/dead-letter-headers';
import type { DeadLetterObserver } from './dead-letters/dead-letter-observer';
import { isReplayForAnotherGroup } from './dead-letters/replay';
import { textHeaders } from './record-headers';
import { PeriodicOffsetCommits } from './periodic-offset-commits';
import { RecreatedTopicRewinder } from './recreated-topic-rewinder';
import { TopicNamer } from './topic-names';

const deadLettered = new Counter({
  name: 'helpgate_events_dead_lettered_total',
  help: 'Consumed events sent to their dead-letter topic, by topic and cause',
  labelNames: ['topic', 'cause'] as const,
});

type Outcome =
  | { kind: 'handled' }
  | { kind: 'dead-letter'; cause: DeadLetterCause; reason: string }
  /** A dead letter handed back for another consumer group, which handles it; this one did already. */
  | { kind: 'skipped' };

interface DecodedRecord {
  event: unknown;
  context: KafkaEventContext;
}

type Decoded = { ok: true; record: DecodedRecord; handler: MessageHandler } | { ok: false; outcome: Outcome };

class ConsumerStopping extends Error {}

/**
 * A Nest microservice transport over kafkajs that fixes what the stock Kafka transport gets wrong for us:
 * payloads are validated against the contracts, failures are retried with a bound (infrastructure
 * outages without one), poison records go to `<topic>.dlq` with their reason instead of blocking the
 * partition or vanishing, and an offset is committed only after its handler finished.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private rewinder?: RecreatedTopicRewinder;
  private commits?: PeriodicOffsetCommits;
  /** Set by close(): batches in flight stop after their current record, and later ones are left to the next owner. */
  private stopping = false;
  private readonly batchesInFlight = new Set<Promise<void>>();
  private readonly namer: TopicNamer;
  protected override readonly logger = new Logger(KafkaEventServer.name);

  constructor(
    private readonly kafka: Kafka,
    private readonly config: KafkaConfig,
    private readonly publisher: EventPublisher,
    private readonly deadLetterObservers: readonly DeadLetterObserver[] = [],
  ) {
    super();
    this.namer = new TopicNamer(config.topicPrefix);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Lets the batches in flight end, commits what they handled while the consumer is still a member, then leaves. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.rewinder?.stop();
    this.rewinder = undefined;
    await Promise.all(this.batchesInFlight);
    await this.commits?.stop();
    this.commits = undefined;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaEventServer does not expose transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    const unknown = topics.filter((topic) => !isTopicName(topic));
    if (unknown.length > 0) throw new Error(`Event handlers for topics not in the contracts: ${unknown.join(', ')}`);
    if (topics.length === 0) return;

    this.consumer = this.kafka.consumer({
      groupId: this.config.groupId,
      // Short enough that after a broker crash the group forgets the dead members within seconds;
      // handlers heartbeat between records and while they wait to retry, so they never hit it.
      sessionTimeout: 10_000,
      heartbeatInterval: 2_000,
      // An idle fetch returns after this long; a shutdown waits for the fetch in flight, so keep it short.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
    });
    const wireTopics = topics.map((topic) => this.namer.toWire(topic));
    this.consumer.on(this.consumer.events.CRASH, ({ payload: { error, groupId, restart } }) =>
      this.logger.error({ err: error, groupId, restart }, restart ? 'consumer crashed; kafkajs restarts it' : 'consumer crashed for good'),
    );
    const consumer = this.consumer;
    const commits = new PeriodicOffsetCommits((offsets) => consumer.commitOffsets(offsets), this.config.commitIntervalMs);
    this.commits = commits;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => commits.assigned(payload.memberAssignment));
    this.rewinder = new RecreatedTopicRewinder(this.kafka, this.consumer, wireTopics, this.config.topicCheckIntervalMs, (topic, partitions) =>
      commits.rewound(topic, partitions),
    );
    await this.consumer.connect();
    // A new consumer group must read the backlog, not skip it.
    await this.consumer.subscribe({ topics: wireTopics, fromBeginning: true });
    await this.consumer.run({
      // Offsets are committed every commitIntervalMs (PeriodicOffsetCommits), not after every batch.
      autoCommit: false,
      eachBatchAutoResolve: false,
      // kafkajs fetches every assigned partition of every topic in one request and fetches again only when all the
      // batches it returned are handled, so a batch waiting for a free worker holds up the next fetch of every topic.
      // With one worker per partition of a topic, mail waited behind the batches of the topics beside it (outbound
      // mail, ticket changes); the bound keeps the batches' transactions within the database pool. A partition still
      // has one batch at a time, so each key's order holds.
      partitionsConsumedConcurrently: Math.min(wireTopics.length * this.config.partitions, this.config.concurrentBatches),
      eachBatch: (payload) => this.handleBatch(payload),
    });
    commits.start();
    await this.rewinder.start();
    this.logger.log({ topics, groupId: this.config.groupId }, 'consuming');
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    if (this.stopping) return;
    const handling = this.handleTopicBatch(payload);
    this.batchesInFlight.add(handling);
    try {
      await handling;
    } catch (error) {
      // Closing while a record waits to be retried: it is left unhandled, for whoever reads the partition next.
      if (!(error instanceof ConsumerStopping)) throw error;
    } finally {
      this.batchesInFlight.delete(handling);
    }
  }

  private async handleTopicBatch(payload: EachBatchPayload): Promise<void> {
    const topic = this.namer.fromWire(payload.batch.topic);
    const handler = this.getHandlerByPattern(topic);
    if (handler?.extras?.[BATCH_HANDLER_EXTRA] === true) await this.handleInChunks(topic, handler, payload);
    else await this.handleOneByOne(topic, handler, payload);
  }

  private async handleOneByOne(
    topic: string,
    handler: MessageHandler | null,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) return;
      const decoded = this.decode(topic, handler, batch.partition, message);
      const outcome = decoded.ok ? await this.invokeWithRetries(decoded.handler, [decoded.record], heartbeat, isRunning) : decoded.outcome;
      if (outcome.kind === 'dead-letter') await this.deadLetter(topic, batch.partition, message, outcome);
      this.handled(batch, message, resolveOffset);
      await heartbeat();
    }
  }

  /**
   * A batch handler gets up to `maxEventsPerBatch` valid events of one partition in one call, which it handles
   * atomically (one transaction). When that call fails, the same events are handed over one at a time under
   * the usual retry and dead-letter policy, so one poison event costs its neighbours a second attempt, never
   * their handling.
   */
  private async handleInChunks(
    topic: string,
    handler: MessageHandler,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    for (let start = 0; start < batch.messages.length; start += this.config.maxEventsPerBatch) {
      if (!isRunning() || isStale() || this.stopping) return;
      const messages = batch.messages.slice(start, start + this.config.maxEventsPerBatch);
      const decoded = messages.map((message) => ({ message, decoded: this.decode(topic, handler, batch.partition, message) }));
      const valid = decoded.flatMap(({ decoded: entry }) => (entry.ok ? [entry.record] : []));
      const handledTogether = valid.length > 1 && (await this.invokeOnce(handler, valid));
      for (const { message, decoded: entry } of decoded) {
        let outcome: Outcome = { kind: 'handled' };
        if (!entry.ok) outcome = entry.outcome;
        else if (!handledTogether) outcome = await this.invokeWithRetries(handler, [entry.record], heartbeat, isRunning);
        if (outcome.kind === 'dead-letter') await this.deadLetter(topic, batch.partition, message, outcome);
        this.handled(batch, message, resolveOffset);
      }
      await heartbeat();
    }
  }

  /** kafkajs reads on past the record; the next periodic commit stores it. */
  private handled(batch: EachBatchPayload['batch'], message: KafkaMessage, resolveOffset: EachBatchPayload['resolveOffset']): void {
    resolveOffset(message.offset);
    this.commits?.handled(batch.topic, batch.partition, message.offset);
  }

  private decode(topic: string, handler: MessageHandler | null, partition: number, message: KafkaMessage): Decoded {
    if (!handler || !isTopicName(topic)) {
      return { ok: false, outcome: { kind: 'dead-letter', cause: 'no-handler', reason: `no handler for topic ${topic}` } };
    }
    const headers = textHeaders(message.headers);
    if (isReplayForAnotherGroup(headers, this.config.groupId)) return { ok: false, outcome: { kind: 'skipped' } };
    const parsed = parseJson(message.value);
    if (!parsed.ok) return { ok: false, outcome: { kind: 'dead-letter', cause: 'invalid', reason: `invalid: ${parsed.error}` } };
    const validated = topicSchemas[topic].safeParse(parsed.value);
    if (!validated.success) {
      const issues = validated.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return { ok: false, outcome: { kind: 'dead-letter', cause: 'invalid', reason: `invalid: ${issues}` } };
    }
    const context = new KafkaEventContext([
      topic,
      partition,
      message.offset,
      message.key?.toString() ?? null,
      headers,
    ]);
    return { ok: true, record: { event: validated.data, context }, handler };
  }

  /** One call with all the records; false when it failed, so that they are handled one at a time instead. */
  private async invokeOnce(handler: MessageHandler, records: DecodedRecord[]): Promise<boolean> {
    try {
      await this.invoke(handler, records);
      return true;
    } catch (error) {
      const { topic, partition, offset } = records[0].context;
      this.logger.warn(
        { err: error, topic, partition, offset, events: records.length },
        'batch handler failed; handling its events one at a time',
      );
      return false;
    }
  }

  private async invokeWithRetries(
    handler: MessageHandler,
    records: DecodedRecord[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.invoke(handler, records);
        return { kind: 'handled' };
      } catch (error) {
        const decision = decideOnFailure(error, attempt, this.config.maxHandlerAttempts);
        if (decision.action === 'dead-letter') return { kind: 'dead-letter', cause: decision.cause, reason: decision.reason };
        const { topic, partition, offset } = records[0].context;
        this.logger.warn({ err: error, topic, partition, offset, attempt }, 'event handler failed, retrying');
        await waitWithHeartbeats(decision.delayMs, heartbeat, () => isRunning() && !this.stopping);
      }
    }
  }

  /** A batch handler gets the events as an array and the context of the first; any other handler one event and its context. */
  private async invoke(handler: MessageHandler, records: DecodedRecord[]): Promise<void> {
    const isBatchHandler = handler.extras?.[BATCH_HANDLER_EXTRA] === true;
    const payload = isBatchHandler ? records.map((record) => record.event) : records[0].event;
    await lastValueFrom(this.transformToObservable(await handler(payload, records[0].context)), { defaultValue: undefined });
  }

  private async deadLetter(
    wireTopic: string,
    partition: number,
    message: KafkaMessage,
    { cause, reason }: { cause: DeadLetterCause; reason: string },
  ): Promise<void> {
    const topic = this.namer.fromWire(wireTopic);
    const failed = { key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', reason };
    for (const observer of this.deadLetterObservers) if (observer.topic === topic) await observer.onDeadLetter(failed);
    await this.publisher.publishRecords([
      {
        topic: deadLetterTopicOf(topic),
        key: failed.key,
        value: failed.value,
        headers: {
          ...textHeaders(message.headers),
          [DEAD_LETTER_HEADERS.reason]: reason.slice(0, 4000),
          [DEAD_LETTER_HEADERS.originalTopic]: topic,
          [DEAD_LETTER_HEADERS.originalPartition]: String(partition),
          [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
          [DEAD_LETTER_HEADERS.consumerGroup]: this.config.groupId,
          [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ]);
    deadLettered.inc({ topic, cause });
    this.logger.error({ topic, partition, offset: message.offset, reason }, 'event sent to the dead-letter topic');
  }
}

function parseJson(value: Buffer | null): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!value) return { ok: false, error: 'empty record' };
  try {
    return { ok: true, value: JSON.parse(value.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
}

/** Waits in short steps so the group keeps this member and a shutdown is not held up by a long backoff. */
async function waitWithHeartbeats(totalMs: number, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
  const deadline = Date.now() + totalMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new ConsumerStopping('consumer stopping; the record will be redelivered');
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deadline - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}

/** The event transport of a service, built from the Kafka client and publisher its KafkaModule provides, with what the service does besides dead-lettering a record of some topic. */
export function kafkaEventTransport(
  app: INestApplicationContext,
  config: KafkaConfig,
  deadLetterObservers: readonly DeadLetterObserver[] = [],
): KafkaEventServer {
  return new KafkaEventServer(app.get(KAFKA_CLIENT), config, app.get(EventPublisher), deadLetterObservers);
}
