import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailInboundAcceptedV1, EmailInboundReceivedV2 } from '@helpgate/contracts';
import type { Page } from '@helpgate/platform';
import type { QuarantineReason } from './quarantine-policy';
import { QuarantinedMessageEntity, QuarantineStatus } from './quarantined-message.entity';

@Injectable()
export class QuarantineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Holds a message; one held before (the same message sent again) stays as it is, unless it was held because its
   * processing failed: the reading that has now succeeded decides.
   */
  async hold(
    inboundMessageId: string,
    { reason, rule, detail }: { reason: QuarantineReason; rule?: string; detail?: string },
    event: EmailInboundReceivedV2,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO quarantined_messages (inbound_message_id, reason, rule, status, event, detail) VALUES ($1, $2, $3, 'held', $4, $5)
       ON CONFLICT (inbound_message_id) DO UPDATE
         SET reason = EXCLUDED.reason, rule = EXCLUDED.rule, status = 'held', event = EXCLUDED.event, detail = EXCLUDED.detail,
             accepted_event = NULL, updated_at = now()
         WHERE quarantined_messages.reason = 'processing-failed'`,
      [inboundMessageId, reason, rule ?? null, JSON.stringify(event), detail ?? null],
    );
  }

  /**
   * Holds a message whose processing was dead-lettered, with its accepted event; held again when it fails after a
   * release. A message held for another reason already was read, and stays as it is.
   */
  async holdUnprocessed(accepted: EmailInboundAcceptedV1, event: EmailInboundReceivedV2, detail: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO quarantined_messages (inbound_message_id, reason, status, event, detail, accepted_event)
       VALUES ($1, 'processing-failed', 'held', $2, $3, $4)
       ON CONFLICT (inbound_message_id) DO UPDATE SET status = 'held', detail = EXCLUDED.detail, updated_at = now()
         WHERE quarantined_messages.reason = 'processing-failed'`,
      [accepted.message.inboundMessageId, JSON.stringify(event), detail, JSON.stringify(accepted)],
    );
  }

  /** How many messages are held, per kind. */
  async countHeldByKind(): Promise<Map<QuarantineReason, number>> {
    const rows: { reason: QuarantineReason; count: number }[] = await this.dataSource.query(
      `SELECT reason, count(*)::int AS count FROM quarantined_messages WHERE status = 'held' GROUP BY reason`,
    );
    return new Map(rows.map((row) => [row.reason, row.count]));
  }

  /**
   * Marks deleted up to `limit` messages of these kinds held since before `heldBefore`; returns how many. Rows another
   * instance is sweeping or an agent is releasing are skipped (`SKIP LOCKED`), so instances sweep side by side.
   */
  async deleteHeldBefore(kinds: readonly QuarantineReason[], heldBefore: Date, limit: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE quarantined_messages SET status = 'deleted', updated_at = now()
       WHERE inbound_message_id IN (
         SELECT inbound_message_id FROM quarantined_messages
         WHERE status = 'held' AND reason = ANY($1) AND created_at < $2
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)`,
      [kinds, heldBefore, limit],
    );
    return affected;
  }

  async list(
    { status, reason }: { status: QuarantineStatus; reason?: QuarantineReason },
    page: Page,
  ): Promise<[QuarantinedMessageEntity[], number]> {
    return this.dataSource.getRepository(QuarantinedMessageEntity).findAndCount({
      where: { status, ...(reason ? { reason } : {}) },
      order: { createdAt: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Runs `work` on a held message while holding its row lock, so two agents cannot release it twice. */
  async withHeld<T>(
    inboundMessageId: string,
    work: (held: QuarantinedMessageEntity | null, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const held = await manager
        .getRepository(QuarantinedMessageEntity)
        .findOne({ where: { inboundMessageId, status: 'held' }, lock: { mode: 'pessimistic_write' } });
      return work(held, manager);
    });
  }

  async setStatus(inboundMessageId: string, status: QuarantineStatus, manager: EntityManager): Promise<void> {
    await manager.getRepository(QuarantinedMessageEntity).update({ inboundMessageId }, { status });
  }
}
