import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { AccessMailConsumer } from './access-mail.consumer';
import { SendAccessMailUseCase } from './send-access-mail.use-case';

/** Mail other services wrote naming portal values, completed and sent by identity (`identity.access-mail.requested.v1`). */
@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [AccessMailConsumer],
  providers: [SendAccessMailUseCase],
})
export class PortalAccessMailModule {}
