import { estimateWaitMs } from './wait-estimate';

describe('estimateWaitMs', () => {
  it('gives no estimate when no conversation was accepted recently', () => {
    expect(estimateWaitMs({ position: 1, availableAgentSlots: 4, recentAcceptWaitsMs: [] })).toBeNull();
  });

  it('is one turn of the queue, the median recent wait, at the front', () => {
    expect(estimateWaitMs({ position: 1, availableAgentSlots: 1, recentAcceptWaitsMs: [30_000, 10_000, 20_000] })).toBe(20_000);
  });

  it('takes the median, so a single very long wait does not skew it', () => {
    expect(estimateWaitMs({ position: 1, availableAgentSlots: 1, recentAcceptWaitsMs: [10_000, 12_000, 3_600_000, 14_000] })).toBe(13_000);
  });

  it('grows with the position, and free slots serve that many conversations a turn', () => {
    const recentAcceptWaitsMs = [20_000];
    expect(estimateWaitMs({ position: 5, availableAgentSlots: 1, recentAcceptWaitsMs })).toBe(100_000);
    expect(estimateWaitMs({ position: 5, availableAgentSlots: 2, recentAcceptWaitsMs })).toBe(60_000);
    expect(estimateWaitMs({ position: 2, availableAgentSlots: 2, recentAcceptWaitsMs })).toBe(20_000);
  });

  it('counts one turn at a time while no agent slot is free', () => {
    expect(estimateWaitMs({ position: 3, availableAgentSlots: 0, recentAcceptWaitsMs: [10_000] })).toBe(30_000);
  });

  it('does not change the caller’s list', () => {
    const recentAcceptWaitsMs = [3, 1, 2];
    estimateWaitMs({ position: 1, availableAgentSlots: 1, recentAcceptWaitsMs });
    expect(recentAcceptWaitsMs).toEqual([3, 1, 2]);
  });

  it('refuses a position before the front of the queue', () => {
    expect(() => estimateWaitMs({ position: 0, availableAgentSlots: 1, recentAcceptWaitsMs: [1] })).toThrow(RangeError);
    expect(() => estimateWaitMs({ position: 1.5, availableAgentSlots: 1, recentAcceptWaitsMs: [1] })).toThrow(/starts at 1/);
  });
});
