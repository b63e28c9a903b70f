import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailInboundReceivedV2 } from '@helpgate/contracts';
import type { Page } from '@helpgate/platform';
import { UnknownSenderMailEntity } from './unknown-sender-mail.entity';

@Injectable()
export class UnknownSendersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hold(event: EmailInboundReceivedV2, sender: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(UnknownSenderMailEntity)
      .values({
        inboundMessageId: event.mail.inboundMessageId,
        sender,
        subject: event.mail.subject,
        receivedAt: new Date(event.mail.receivedAt),
        event,
      })
      .orIgnore()
      .execute();
  }

  async list(page: Page): Promise<[UnknownSenderMailEntity[], number]> {
    return this.dataSource.getRepository(UnknownSenderMailEntity).findAndCount({
      select: { inboundMessageId: true, sender: true, subject: true, receivedAt: true },
      order: { receivedAt: 'DESC', inboundMessageId: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** The held mail, locked until the transaction ends so two accepts cannot both resolve it. */
  async lock(inboundMessageId: string, manager: EntityManager): Promise<UnknownSenderMailEntity | null> {
    return manager.getRepository(UnknownSenderMailEntity).findOne({ where: { inboundMessageId }, lock: { mode: 'pessimistic_write' } });
  }

  async release(inboundMessageId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(UnknownSenderMailEntity).delete({ inboundMessageId });
  }
}
