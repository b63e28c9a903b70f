import { nextStep, retryDelayMs } from './retry-schedule';

const policy = { maxAttempts: 4, retryBaseMs: 30_000 };
const lowest = () => 0;
const highest = () => 1;

describe('retryDelayMs', () => {
  it('doubles from the base delay with each attempt', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, 30_000, highest))).toEqual([30_000, 60_000, 120_000]);
  });

  it('randomizes the second half of each delay', () => {
    expect(retryDelayMs(2, 30_000, lowest)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, () => 0.5)).toBe(45_000);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(12, 30_000, highest)).toBe(3_600_000);
    expect(retryDelayMs(5_000, 30_000, highest)).toBe(3_600_000);
  });
});

describe('nextStep', () => {
  it('retries a retryable failure while attempts remain', () => {
    expect(nextStep({ retryable: true }, 1, policy, highest)).toEqual({ action: 'retry', delayMs: 30_000 });
    expect(nextStep({ retryable: true }, 3, policy, highest)).toEqual({ action: 'retry', delayMs: 120_000 });
  });

  it('gives up, not permanently, when the attempts are used up', () => {
    expect(nextStep({ retryable: true }, 4, policy)).toEqual({ action: 'give-up', permanent: false });
  });

  it('gives up permanently on a failure that would repeat', () => {
    expect(nextStep({ retryable: false }, 1, policy)).toEqual({ action: 'give-up', permanent: true });
  });
});
