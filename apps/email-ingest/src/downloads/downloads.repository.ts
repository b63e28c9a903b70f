import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '../inbound/attachment.entity';
import { InboundMessageEntity } from '../inbound/inbound-message.entity';
import { RawMessageEntity } from '../inbound/raw-message.entity';

@Injectable()
export class DownloadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAttachment(sha256: string): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOneBy({ sha256 });
  }

  async findRawMessageOf(inboundMessageId: string): Promise<RawMessageEntity | null> {
    const receipt = await this.dataSource
      .getRepository(InboundMessageEntity)
      .findOne({ where: { id: inboundMessageId }, select: { rawSha256: true } });
    return receipt ? this.dataSource.getRepository(RawMessageEntity).findOneBy({ sha256: receipt.rawSha256 }) : null;
  }
}
