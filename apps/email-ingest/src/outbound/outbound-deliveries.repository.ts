import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { OutboundMail } from '@helpgate/contracts';
import { AttachmentEntity } from '../inbound/attachment.entity';
import { OutboundDeliveryEntity, OutboundDeliveryStatus } from './outbound-delivery.entity';
import { StoredAttachment } from './relay-message';

/** A delivery one sender holds until its lease runs out; `attempt` counts this attempt too. */
export interface ClaimedDelivery {
  mail: OutboundMail;
  attempt: number;
  /** When the lease runs out, by this process's clock (taken before the claim, so never later than the database's). */
  leaseEndsAt: number;
}

/** How one attempt ended: delivered, failed for good, or queued again to be retried in `retryInMs`. */
export interface FinishedAttempt {
  requestId: string;
  attempt: number;
  status: Extract<OutboundDeliveryStatus, 'delivered' | 'failed' | 'queued'>;
  lastError: string | null;
  retryInMs?: number;
}

export function attemptKey({ requestId, attempt }: Pick<FinishedAttempt, 'requestId' | 'attempt'>): string {
  return `${requestId}/${attempt}`;
}

interface ClaimedRow {
  request: OutboundMail;
  attempts: number;
}

@Injectable()
export class OutboundDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues requests for sending, in one statement; returns the request ids queued now (one queued before stays). */
  async enqueueAll(mails: readonly OutboundMail[], manager: EntityManager): Promise<Set<string>> {
    if (mails.length === 0) return new Set();
    const rows: { request_id: string }[] = await manager.query(
      `INSERT INTO outbound_deliveries (request_id, message_id, kind, request)
       SELECT (request->>'requestId')::uuid, request->>'messageId', request->>'kind', request
         FROM jsonb_array_elements($1::jsonb) AS request
       ON CONFLICT DO NOTHING RETURNING request_id`,
      [JSON.stringify(mails)],
    );
    return new Set(rows.map((row) => row.request_id));
  }

  /**
   * Claims due deliveries, and ones whose sender's lease ran out (it crashed mid-send), for `leaseMs`.
   * SKIP LOCKED lets every email-ingest instance claim at once without taking the same rows.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const leaseEndsAt = Date.now() + leaseMs;
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows]: [ClaimedRow[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT request_id FROM outbound_deliveries
         WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       UPDATE outbound_deliveries AS delivery
       SET status = 'sending', attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond', updated_at = now()
       FROM due WHERE delivery.request_id = due.request_id
       RETURNING delivery.request, delivery.attempts`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ mail: row.request, attempt: row.attempts, leaseEndsAt }));
  }

  async findAttachments(ids: readonly string[]): Promise<StoredAttachment[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(AttachmentEntity).findBy({ sha256: In([...ids]) });
  }

  async findByMessageId(messageId: string, manager: EntityManager): Promise<OutboundDeliveryEntity | null> {
    return manager.getRepository(OutboundDeliveryEntity).findOne({ where: { messageId } });
  }

  /** A delivery the relay took can still fail later: the bounce says so. */
  async markBounced(requestId: string, error: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(OutboundDeliveryEntity).update({ requestId }, { status: 'failed', lastError: error });
  }

  /**
   * Records the outcomes of attempts in one statement. Returns the attempts (by `attemptKey`) whose claim still held;
   * one whose lease ran out, so that another sender took the delivery over, changes nothing.
   */
  async finishAttempts(attempts: readonly FinishedAttempt[], manager: EntityManager): Promise<Set<string>> {
    if (attempts.length === 0) return new Set();
    const [rows]: [{ request_id: string; attempts: number }[], number] = await manager.query(
      `UPDATE outbound_deliveries AS delivery
       SET status = outcome.status,
           last_error = outcome.last_error,
           next_attempt_at = CASE WHEN outcome.retry_in_ms IS NULL THEN delivery.next_attempt_at
                                  ELSE now() + outcome.retry_in_ms * interval '1 millisecond' END,
           updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::bigint[])
         AS outcome (request_id, attempt, status, last_error, retry_in_ms)
       WHERE delivery.request_id = outcome.request_id AND delivery.status = 'sending' AND delivery.attempts = outcome.attempt
       RETURNING delivery.request_id, delivery.attempts`,
      [
        attempts.map((attempt) => attempt.requestId),
        attempts.map((attempt) => attempt.attempt),
        attempts.map((attempt) => attempt.status),
        attempts.map((attempt) => attempt.lastError),
        attempts.map((attempt) => attempt.retryInMs ?? null),
      ],
    );
    return new Set(rows.map((row) => attemptKey({ requestId: row.request_id, attempt: row.attempts })));
  }
}
