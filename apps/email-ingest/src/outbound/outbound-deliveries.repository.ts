import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, QueryDeepPartialEntity } from 'typeorm';
import type { OutboundMail } from '@helpgate/contracts';
import { AttachmentEntity } from '../inbound/attachment.entity';
import { OutboundDeliveryEntity } from './outbound-delivery.entity';
import { StoredAttachment } from './relay-message';

/** A delivery one sender holds until its lease runs out; `attempt` counts this attempt too. */
export interface ClaimedDelivery {
  mail: OutboundMail;
  attempt: number;
  /** When the lease runs out, by this process's clock (taken before the claim, so never later than the database's). */
  leaseEndsAt: number;
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

  /** The outcome methods return false when the claim was lost: its lease ran out and another sender took over. */
  async markDelivered(delivery: ClaimedDelivery, manager: EntityManager): Promise<boolean> {
    return this.finishAttempt(delivery, { status: 'delivered', lastError: null }, manager);
  }

  async markFailed(delivery: ClaimedDelivery, error: string, manager: EntityManager): Promise<boolean> {
    return this.finishAttempt(delivery, { status: 'failed', lastError: error }, manager);
  }

  async scheduleRetry(delivery: ClaimedDelivery, delayMs: number, error: string): Promise<boolean> {
    return this.finishAttempt(
      delivery,
      { status: 'queued', lastError: error, nextAttemptAt: () => "now() + :delayMs * interval '1 millisecond'" },
      this.dataSource.manager,
      { delayMs },
    );
  }

  private async finishAttempt(
    delivery: ClaimedDelivery,
    changes: QueryDeepPartialEntity<OutboundDeliveryEntity>,
    manager: EntityManager,
    parameters: Record<string, unknown> = {},
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboundDeliveryEntity)
      .set(changes)
      .where({ requestId: delivery.mail.requestId, status: 'sending', attempts: delivery.attempt })
      .setParameters(parameters)
      .execute();
    return result.affected === 1;
  }
}
