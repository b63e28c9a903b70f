import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RequestersModule } from '../requesters/requesters.module';
import { CustomerSuccessRequestsConsumer } from './customer-success-requests.consumer';
import { ResolveCustomerSuccessRequesterUseCase } from './resolve-customer-success-requester.use-case';

/** Which contact wrote through the help center's "contact customer success" form, for tickets to open its ticket. */
@Module({
  imports: [OutboxModule, ContactsModule, RequestersModule],
  controllers: [CustomerSuccessRequestsConsumer],
  providers: [ResolveCustomerSuccessRequesterUseCase],
})
export class CustomerSuccessRequestersModule {}
