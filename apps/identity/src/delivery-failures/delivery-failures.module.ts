import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { DeliveryFailuresConsumer } from './delivery-failures.consumer';
import { MarkUndeliverableUseCase } from './mark-undeliverable.use-case';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [DeliveryFailuresConsumer],
  providers: [MarkUndeliverableUseCase],
})
export class DeliveryFailuresModule {}
