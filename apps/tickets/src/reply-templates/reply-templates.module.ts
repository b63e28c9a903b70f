import { Module } from '@nestjs/common';
import { ReplyTemplatesController } from './reply-templates.controller';
import { ReplyTemplatesRepository } from './reply-templates.repository';
import { ReplyTemplatesService } from './reply-templates.service';

@Module({
  controllers: [ReplyTemplatesController],
  providers: [ReplyTemplatesRepository, ReplyTemplatesService],
  exports: [ReplyTemplatesService],
})
export class ReplyTemplatesModule {}
