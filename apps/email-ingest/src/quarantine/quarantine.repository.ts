import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailInboundReceivedV1 } from '@helpgate/contracts';
import type { Page } from '@helpgate/platform';
import type { QuarantineReason } from './quarantine-policy';
import { QuarantinedMessageEntity, QuarantineStatus } from './quarantined-message.entity';

@Injectable()
export class QuarantineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Holds a message; one held before (the same message sent again) stays as it is. */
  async hold(
    inboundMessageId: string,
    reason: QuarantineReason,
    event: EmailInboundReceivedV1,
    manager: EntityManager,
    detail: string | null = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO quarantined_messages (inbound_message_id, reason, status, event, detail) VALUES ($1, $2, 'held', $3, $4)
       ON CONFLICT DO NOTHING`,
      [inboundMessageId, reason, JSON.stringify(event), detail],
    );
  }

  async list(status: QuarantineStatus, page: Page): Promise<[QuarantinedMessageEntity[], number]> {
    return this.dataSource.getRepository(QuarantinedMessageEntity).findAndCount({
      where: { status },
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
