import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { MessageDeliveriesRepository } from './message-deliveries.repository';
import { OutboundOutcomeConsumer } from './outbound-outcome.consumer';
import { RecordDeliveryUseCase } from './record-delivery.use-case';

/** Whether the mails tickets sent arrived, from email-ingest's delivery outcomes. */
@Module({
  imports: [OutboxModule],
  controllers: [OutboundOutcomeConsumer],
  providers: [RecordDeliveryUseCase, MessageDeliveriesRepository],
})
export class DeliveryOutcomesModule {}
