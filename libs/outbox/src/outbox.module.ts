import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { TransactionalEvents } from './transactional-events';

@Module({
  providers: [OutboxRelay, TransactionalEvents],
  exports: [TransactionalEvents],
})
export class OutboxModule {}
