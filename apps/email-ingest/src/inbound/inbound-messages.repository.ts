import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboundMessageEntity } from './inbound-message.entity';
import { RawMessageEntity } from './raw-message.entity';

export type NewInboundMessage = Omit<InboundMessageEntity, 'rawSha256'>;

@Injectable()
export class InboundMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the raw message (once per content) and the receipt, then runs `publish` inside the same
   * transaction: if publishing fails nothing is kept, and the sender is asked to retry.
   */
  async storeThenPublish(
    raw: { sha256: string; content: Buffer },
    receipt: NewInboundMessage,
    publish: () => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RawMessageEntity)
        .values({ sha256: raw.sha256, sizeBytes: raw.content.length, content: raw.content, firstReceivedAt: receipt.receivedAt })
        .orIgnore()
        .execute();
      await manager.getRepository(InboundMessageEntity).insert({ ...receipt, rawSha256: raw.sha256 });
      await publish();
    });
  }
}
