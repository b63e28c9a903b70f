import { DynamicModule, Module } from '@nestjs/common';
import type { EmailIngestRoles } from '../config';
import { OutboxModule } from '@helpgate/outbox';
import { ContactAnonymizedConsumer } from './contact-anonymized.consumer';
import { EraseContactMailUseCase } from './erase-contact-mail.use-case';
import { ErasuresRepository } from './erasures.repository';
import { SenderErasureService } from './sender-erasure.service';

@Module({
  imports: [OutboxModule],
  providers: [EraseContactMailUseCase, ErasuresRepository, SenderErasureService],
  exports: [SenderErasureService, EraseContactMailUseCase],
})
export class ErasuresModule {}

/** The consumer of contact erasures, on the instances that run the processing role. */
@Module({})
export class ErasureEventsModule {
  static forRoles(roles: EmailIngestRoles): DynamicModule {
    return { module: ErasureEventsModule, imports: [ErasuresModule], controllers: roles.processing ? [ContactAnonymizedConsumer] : [] };
  }
}
