import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { outboundDelivered, outboundFailed, outboundRequested } from '../../../test/support/events';
import { BATCH_HANDLER_EXTRA, ConsumeEvent, EventConsumer } from './event-consumer.decorator';

/** A transport that starts nothing: it only holds the handlers Nest registers, for the test to call. */
class HandlerRegistry extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }

  close(): void {}

  on(): never {
    throw new Error('no transport events');
  }

  unwrap<T>(): T {
    throw new Error('no client');
  }

  /** Calls the handler of the topic as the Kafka transport does, and returns whether it is a batch handler. */
  async deliver(topic: string, payload: unknown): Promise<{ batch: boolean }> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    await lastValueFrom(this.transformToObservable(await handler(payload)), { defaultValue: undefined });
    return { batch: handler.extras?.[BATCH_HANDLER_EXTRA] === true };
  }
}

@EventConsumer()
class OutboundOutcomes {
  readonly received: unknown[] = [];

  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onFailed(event: EmailOutboundFailedV1): Promise<void> {
    this.received.push(event);
  }

  @ConsumeEvent(Topics.EmailOutboundDelivered, { batch: true })
  async onDelivered(events: EmailOutboundDeliveredV1[]): Promise<void> {
    this.received.push(events);
  }
}

@Module({ controllers: [OutboundOutcomes] })
class OutboundOutcomesModule {}

/**
 * Never registered: each handler takes another type than its topic's contract, so `npm run typecheck` must refuse
 * every decorator below; were one accepted, its `@ts-expect-error` would be unused, which fails the type check.
 */
export class MismatchedHandlers {
  // @ts-expect-error another topic's event
  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onAnotherEvent(_event: EmailOutboundDeliveredV1): Promise<void> {}

  // @ts-expect-error one event where a batch handler takes an array
  @ConsumeEvent(Topics.EmailOutboundFailed, { batch: true })
  async onBatchAsOne(_event: EmailOutboundFailedV1): Promise<void> {}

  // @ts-expect-error an array where a handler of one event takes one
  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onOneAsBatch(_events: EmailOutboundFailedV1[]): Promise<void> {}

  // @ts-expect-error a wider type than the contract's, which would let the handler skip its checks
  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onAnything(_event: unknown): Promise<void> {}

  // @ts-expect-error no payload parameter at all
  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onNothing(): Promise<void> {}

  // @ts-expect-error a topic that is not in the contracts
  @ConsumeEvent('email.outbound.bounced.v1')
  async onUnknownTopic(_event: EmailOutboundFailedV1): Promise<void> {}
}

describe('ConsumeEvent', () => {
  const request = outboundRequested();
  let registry: HandlerRegistry;
  let consumer: OutboundOutcomes;
  let close: () => Promise<void>;

  beforeAll(async () => {
    registry = new HandlerRegistry();
    const app = await NestFactory.createMicroservice(OutboundOutcomesModule, { strategy: registry, logger: false });
    await app.listen();
    consumer = app.get(OutboundOutcomes);
    close = () => app.close();
  });

  afterAll(() => close());

  it('registers a handler of one event for its topic and hands it the event as its one argument', async () => {
    const event = outboundFailed(request);
    expect(await registry.deliver(Topics.EmailOutboundFailed, event)).toEqual({ batch: false });
    expect(consumer.received.at(-1)).toBe(event);
  });

  it('registers a batch handler as one, and hands it the array of events', async () => {
    const events = [outboundDelivered(request), outboundDelivered(request)];
    expect(await registry.deliver(Topics.EmailOutboundDelivered, events)).toEqual({ batch: true });
    expect(consumer.received.at(-1)).toBe(events);
  });
});
