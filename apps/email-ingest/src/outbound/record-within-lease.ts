import { backoffMs, isTransientError } from '@helpgate/kafka';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Records the outcome of a delivery attempt, trying again after infrastructure failures (the database restarting)
 * for as long as the claim's lease lasts. Giving up earlier would leave the claim to run out and a mail the relay
 * already took to be sent a second time; past the lease another sender may hold the delivery, so the failure is
 * passed on.
 */
export async function recordWithinLease<T>(record: () => Promise<T>, leaseEndsAt: number, clock: Clock = systemClock): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await record();
    } catch (error) {
      const delayMs = backoffMs(attempt);
      if (!isTransientError(error) || clock.now() + delayMs >= leaseEndsAt) throw error;
      await clock.sleep(delayMs);
    }
  }
}
