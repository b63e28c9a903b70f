import { Writable } from 'node:stream';
import { coalesceWrites } from './coalesced-writes';

/** A stream that records each hand-over to the "kernel": one entry per system call a socket would make. */
function recordingStream() {
  const handOvers: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      handOvers.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      handOvers.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      done();
    },
  });
  return { stream, handOvers };
}

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('coalesceWrites', () => {
  it('hands the writes of one turn over together, in order, once the turn is done', async () => {
    const { stream, handOvers } = recordingStream();
    coalesceWrites(stream);
    stream.write('ack');
    stream.write('copy for the tabs');
    await Promise.resolve();
    // Written from a promise continuation of the same turn, as the acknowledgement is.
    stream.write('copy for the agent');
    expect(handOvers).toEqual([]);
    await nextTick();
    expect(handOvers).toEqual([['ack', 'copy for the tabs', 'copy for the agent']]);
  });

  it('holds each later turn on its own and leaves the stream uncorked between turns', async () => {
    const { stream, handOvers } = recordingStream();
    coalesceWrites(stream);
    stream.write('first');
    await nextTick();
    expect(stream.writableCorked).toBe(0);
    stream.write('second');
    stream.write('third');
    await nextTick();
    expect(handOvers).toEqual([['first'], ['second', 'third']]);
    expect(stream.writableCorked).toBe(0);
  });

  it('keeps a cork of the writer itself (ws corks a frame’s header and payload) within the turn', async () => {
    const { stream, handOvers } = recordingStream();
    coalesceWrites(stream);
    stream.cork();
    stream.write('header');
    stream.write('payload');
    stream.uncork();
    stream.write('next frame');
    await nextTick();
    expect(handOvers).toEqual([['header', 'payload', 'next frame']]);
  });

  it('passes the write callback on, called once the bytes are handed over', async () => {
    const { stream } = recordingStream();
    coalesceWrites(stream);
    const written = new Promise<void>((resolve, reject) => stream.write('frame', (error) => (error ? reject(error) : resolve())));
    await expect(written).resolves.toBeUndefined();
  });
});
