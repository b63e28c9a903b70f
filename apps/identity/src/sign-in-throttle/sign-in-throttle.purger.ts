import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@helpgate/outbox';
import { SignInThrottleService } from './sign-in-throttle.service';

const batchSize = 1000;
/** A failure expires after the throttle's window (15 minutes by default): looking every minute keeps the table small. */
const idlePollMs = 60_000;
const errorBackoffMs = 60_000;

/**
 * Deletes sign-in failures past their window and known addresses past their exemption, so a stream of guesses from
 * ever new addresses or at ever new accounts does not grow the table for good. Every instance runs it; they never
 * delete the same rows (`SKIP LOCKED`).
 */
@Injectable()
export class SignInThrottlePurger extends BackgroundWorker {
  constructor(private readonly throttle: SignInThrottleService) {
    super({ batchSize, idlePollMs, errorBackoffMs, failureMessage: 'purge of expired sign-in failures failed; retrying' });
  }

  protected async workRound(): Promise<number> {
    const purged = await this.throttle.purgeExpired(batchSize);
    if (purged > 0) this.logger.log({ purged }, 'expired sign-in failures and known addresses purged');
    return purged;
  }
}
