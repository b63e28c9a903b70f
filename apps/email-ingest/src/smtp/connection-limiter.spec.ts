import { ConnectionLimiter } from './connection-limiter';

describe('ConnectionLimiter', () => {
  it('admits a client up to its limit of open sessions, and other clients independently', () => {
    const limiter = new ConnectionLimiter(2);
    expect(limiter.admit('s1', '192.0.2.1')).toBe(true);
    expect(limiter.admit('s2', '192.0.2.1')).toBe(true);
    expect(limiter.admit('s3', '192.0.2.1')).toBe(false);
    expect(limiter.admit('s4', '192.0.2.2')).toBe(true);
  });

  it('gives the place back when a session closes', () => {
    const limiter = new ConnectionLimiter(1);
    limiter.admit('s1', '192.0.2.1');
    expect(limiter.admit('s2', '192.0.2.1')).toBe(false);
    limiter.release('s1');
    expect(limiter.admit('s3', '192.0.2.1')).toBe(true);
  });

  it('ignores the close of a session it refused, and a second release of the same session', () => {
    const limiter = new ConnectionLimiter(2);
    limiter.admit('s1', '192.0.2.1');
    limiter.admit('s2', '192.0.2.1');
    expect(limiter.admit('refused', '192.0.2.1')).toBe(false);
    limiter.release('refused');
    limiter.release('s1');
    limiter.release('s1');
    expect(limiter.admit('s3', '192.0.2.1')).toBe(true);
    expect(limiter.admit('s4', '192.0.2.1')).toBe(false);
  });

  it('forgets a client once its last session has closed', () => {
    const limiter = new ConnectionLimiter(3);
    limiter.admit('s1', '192.0.2.1');
    limiter.admit('s2', '192.0.2.2');
    limiter.release('s1');
    limiter.release('s2');
    expect(limiter.trackedClients).toBe(0);
  });
});
