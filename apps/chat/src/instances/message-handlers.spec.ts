import { EventEmitter } from 'node:events';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { from, isObservable, Observable, of, throwError } from 'rxjs';
import { AnswerTransform, bindMessageHandlers } from './message-handlers';

/** A socket as far as handlers go: events come in through `receive`, what it emits is recorded. */
class FakeSocket extends EventEmitter {
  readonly emitted: [string, unknown][] = [];

  override emit(event: string, ...args: unknown[]): boolean {
    this.emitted.push([event, args[0]]);
    return true;
  }

  receive(event: string, ...args: unknown[]): void {
    super.emit(event, ...args);
  }
}

/** Nest's transform: whatever a handler returned (a value, a promise, an observable) as an observable. */
const transform: AnswerTransform = (result) =>
  isObservable(result) ? result : result instanceof Promise ? from(result) : of(result as unknown);

const unexpected = (error: unknown) => {
  throw new Error(`no handler was expected to fail: ${String(error)}`);
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

function handler(message: string, callback: (data: unknown, ack?: unknown) => unknown, isAckHandledManually = false) {
  return { message, methodName: message, callback, isAckHandledManually } as MessageMappingProperties;
}

describe('bindMessageHandlers', () => {
  it("answers a handler's result as the acknowledgement, with the event's data given to the handler", async () => {
    const socket = new FakeSocket();
    bindMessageHandlers(socket, [handler('message.send', async (data) => ({ echoed: data }))], transform, unexpected);
    const ack = jest.fn();

    socket.receive('message.send', { text: 'hello' }, ack);
    await settle();

    expect(ack).toHaveBeenCalledWith({ echoed: { text: 'hello' } });
  });

  it('emits an `{ event, data }` answer as that event, and answers nothing for null or undefined', async () => {
    const socket = new FakeSocket();
    const answers: unknown[] = [{ event: 'pong', data: 1 }, null, undefined];
    bindMessageHandlers(socket, [handler('ping', () => answers.shift())], transform, unexpected);
    const acks = [jest.fn(), jest.fn(), jest.fn()];

    for (const ack of acks) socket.receive('ping', {}, ack);
    await settle();

    expect(socket.emitted).toEqual([['pong', 1]]);
    for (const ack of acks) expect(ack).not.toHaveBeenCalled();
  });

  it('passes the acknowledgement to a handler that answers it itself, and does not answer again', async () => {
    const socket = new FakeSocket();
    bindMessageHandlers(
      socket,
      [handler('manual', (_data, ack) => (ack as (answer: unknown) => void)('by hand') ?? 'returned', true)],
      transform,
      unexpected,
    );
    const ack = jest.fn();

    socket.receive('manual', {}, ack);
    await settle();

    expect(ack.mock.calls).toEqual([['by hand']]);
  });

  it('gives a handler no data when the event carries only an acknowledgement, and every argument when there are several', async () => {
    const socket = new FakeSocket();
    const received: unknown[] = [];
    bindMessageHandlers(socket, [handler('list', (data) => received.push(data))], transform, unexpected);

    socket.receive('list', jest.fn());
    socket.receive('list', 'a', 'b', jest.fn());
    socket.receive('list', 'a', 'b');
    await settle();

    expect(received).toEqual([undefined, ['a', 'b'], ['a', 'b']]);
  });

  it('hands a failure the exception filter did not map to onError, naming the event, and keeps handling events', async () => {
    const socket = new FakeSocket();
    const failure = new Error('unmapped');
    let calls = 0;
    const onError = jest.fn();
    bindMessageHandlers(
      socket,
      [handler('flaky', () => (calls++ === 0 ? throwError(() => failure) : of('fine')) as Observable<unknown>)],
      transform,
      onError,
    );
    const ack = jest.fn();

    socket.receive('flaky', {}, jest.fn());
    socket.receive('flaky', {}, ack);
    await settle();

    expect(onError).toHaveBeenCalledWith(failure, 'flaky');
    expect(ack).toHaveBeenCalledWith('fine');
  });
});
