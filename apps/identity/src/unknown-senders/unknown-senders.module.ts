import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { UnknownSendersController } from './unknown-senders.controller';
import { UnknownSendersRepository } from './unknown-senders.repository';
import { UnknownSendersService } from './unknown-senders.service';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [UnknownSendersController],
  providers: [UnknownSendersRepository, UnknownSendersService],
  exports: [UnknownSendersService],
})
export class UnknownSendersModule {}
