import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactAnonymizedConsumer } from './contact-anonymized.consumer';
import { EraseContactMailUseCase } from './erase-contact-mail.use-case';
import { ErasuresRepository } from './erasures.repository';
import { SenderErasureService } from './sender-erasure.service';

@Module({
  imports: [OutboxModule],
  controllers: [ContactAnonymizedConsumer],
  providers: [EraseContactMailUseCase, ErasuresRepository, SenderErasureService],
  exports: [SenderErasureService],
})
export class ErasuresModule {}
