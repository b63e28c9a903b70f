import type { Writable } from 'node:stream';

/**
 * Holds what is written to a connection while the current callback and the promise continuations it set off run,
 * and hands it to the kernel in one system call once they are done (`cork`, then `uncork` on the next tick). The
 * bytes go out in the order they were written and wait for no timer or I/O.
 *
 * Why: a visitor's message is answered on the visitor's socket with two frames, the acknowledgement and the copy
 * every tab of the visitor gets, and a batch of messages reaches an agent as a frame each; written one at a time,
 * every frame was a `writev` of its own, and those system calls were the largest share of chat's CPU per relayed
 * message (BENCHMARKS.md, live chat).
 */
export function coalesceWrites(socket: Writable): void {
  const write = socket.write;
  let corked = false;
  const release = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function coalescedWrite(this: Writable, ...args: Parameters<Writable['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(release);
    }
    return write.apply(this, args);
  } as Writable['write'];
}
