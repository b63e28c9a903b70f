import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@helpgate/outbox';
import { SessionsService } from './sessions.service';

const batchSize = 1000;
/** Sessions end by the working day; looking every ten minutes keeps up with any number of sign-ins. */
const idlePollMs = 600_000;
const errorBackoffMs = 60_000;

/**
 * Deletes sessions a month after they ended, with their refresh tokens, so the tables hold what can still matter and
 * not every sign-in ever made. Every instance runs it; they never delete the same rows (`SKIP LOCKED`).
 */
@Injectable()
export class SessionsPurger extends BackgroundWorker {
  constructor(private readonly sessions: SessionsService) {
    super({ batchSize, idlePollMs, errorBackoffMs, failureMessage: 'purge of ended sessions failed; retrying' });
  }

  protected async workRound(): Promise<number> {
    const purged = await this.sessions.purgeEnded(batchSize);
    if (purged > 0) this.logger.log({ purged }, 'ended sessions purged');
    return purged;
  }
}
