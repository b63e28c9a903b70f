import { PublishCoalescer } from './publish-coalescer';

/** A send whose requests stay in flight until the test lets them finish. */
function controlledSend() {
  const requests: { items: string[]; finish: (error?: Error) => void }[] = [];
  const send = (items: string[]) =>
    new Promise<void>((resolve, reject) => requests.push({ items, finish: (error) => (error ? reject(error) : resolve()) }));
  return { requests, send };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('PublishCoalescer', () => {
  it('sends a publish at once when no request is in flight', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 100);
    const published = coalescer.submit(['a']);
    expect(requests.map((request) => request.items)).toEqual([['a']]);
    requests[0].finish();
    await expect(published).resolves.toBeUndefined();
  });

  it('sends the publishes that arrived during a request together in the next one, in order', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 100);
    const first = coalescer.submit(['a']);
    const second = coalescer.submit(['b', 'c']);
    const third = coalescer.submit(['d']);
    expect(requests).toHaveLength(1);
    requests[0].finish();
    await first;
    await flush();
    expect(requests.map((request) => request.items)).toEqual([['a'], ['b', 'c', 'd']]);
    requests[1].finish();
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
  });

  it('keeps each request within the byte limit, sending an oversized publish on its own', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 5);
    const all = [
      coalescer.submit(['x']),
      coalescer.submit(['aaa']),
      coalescer.submit(['bb']),
      coalescer.submit(['cccccccc']),
      coalescer.submit(['d']),
    ];
    for (let request = 0; request < 4; request++) {
      requests[request].finish();
      await flush();
    }
    expect(requests.map((request) => request.items)).toEqual([['x'], ['aaa', 'bb'], ['cccccccc'], ['d']]);
    await Promise.all(all);
  });

  it('fails exactly the publishes a failed request carried, and goes on with the next', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 100);
    const first = coalescer.submit(['a']);
    const second = coalescer.submit(['b']);
    const third = coalescer.submit(['c']);
    requests[0].finish();
    await first;
    await flush();
    requests[1].finish(new Error('broker unavailable'));
    await expect(second).rejects.toThrow('broker unavailable');
    await expect(third).rejects.toThrow('broker unavailable');
    const fourth = coalescer.submit(['d']);
    expect(requests.map((request) => request.items)).toEqual([['a'], ['b', 'c'], ['d']]);
    requests[2].finish();
    await expect(fourth).resolves.toBeUndefined();
  });

  it('splits a publish larger than the limit into requests within it, in order, and settles it when all succeeded', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 5);
    let settled = false;
    const large = coalescer.submit(['aa', 'bb', 'cc', 'dddddddd', 'e']).then(() => (settled = true));
    for (let request = 0; request < 3; request++) {
      requests[request].finish();
      await flush();
      expect(settled).toBe(false);
    }
    requests[3].finish();
    await large;
    expect(requests.map((request) => request.items)).toEqual([['aa', 'bb'], ['cc'], ['dddddddd'], ['e']]);
  });

  it('fails a split publish when any of its requests failed', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new PublishCoalescer(send, (item: string) => item.length, 2);
    const large = coalescer.submit(['aa', 'bb']);
    requests[0].finish();
    await flush();
    requests[1].finish(new Error('broker unavailable'));
    await expect(large).rejects.toThrow('broker unavailable');
  });
});
