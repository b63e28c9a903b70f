import { Inject, Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@helpgate/outbox';
import type { QuarantineConfig } from '../config';
import { machineMailKinds } from './quarantine-policy';
import { QuarantineRepository } from './quarantine.repository';

export const MACHINE_MAIL_RETENTION = Symbol('MACHINE_MAIL_RETENTION');

const batchSize = 500;
/** Retention is counted in days: looking every ten minutes is plenty, and costs an index lookup. */
const idlePollMs = 10 * 60_000;
const errorBackoffMs = 60_000;
const dayMs = 24 * 60 * 60_000;

/**
 * Deletes (marks deleted, as an agent does) machine mail held in quarantine longer than
 * `INGEST_MACHINE_MAIL_RETENTION_DAYS`. Every instance runs it; they never sweep the same rows (`SKIP LOCKED`).
 */
@Injectable()
export class MachineMailRetentionSweeper extends BackgroundWorker {
  constructor(
    private readonly quarantine: QuarantineRepository,
    @Inject(MACHINE_MAIL_RETENTION) private readonly config: Pick<QuarantineConfig, 'machineMailRetentionDays'>,
  ) {
    super({ batchSize, idlePollMs, errorBackoffMs, failureMessage: 'machine mail retention sweep failed; retrying' });
  }

  protected async workRound(): Promise<number> {
    const heldBefore = new Date(Date.now() - this.config.machineMailRetentionDays * dayMs);
    const deleted = await this.quarantine.deleteHeldBefore(machineMailKinds, heldBefore, batchSize);
    if (deleted > 0)
      this.logger.log({ deleted, retentionDays: this.config.machineMailRetentionDays }, 'held machine mail past retention deleted');
    return deleted;
  }
}
