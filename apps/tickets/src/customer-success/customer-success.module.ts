import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CategoriesModule } from '../categories/categories.module';
import type { CustomerSuccessLimitsConfig } from '../config';
import { ContactsModule } from '../contacts/contacts.module';
import { InboundMailModule } from '../inbound-mail/inbound-mail.module';
import { TicketsSettingsModule } from '../settings/settings.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CUSTOMER_SUCCESS_LIMITS } from './customer-success-limits';
import { CustomerSuccessController } from './customer-success.controller';
import { CustomerSuccessRepository } from './customer-success.repository';
import { CustomerSuccessRequesterResolvedConsumer } from './customer-success-requester-resolved.consumer';
import { CustomerSuccessService } from './customer-success.service';
import { OpenCustomerSuccessTicketUseCase } from './open-customer-success-ticket.use-case';

/** The "contact customer success" form: requests taken over HTTP, their tickets opened once identity resolved the address. */
@Module({})
export class CustomerSuccessModule {
  static forRoot(limits: CustomerSuccessLimitsConfig): DynamicModule {
    return {
      module: CustomerSuccessModule,
      imports: [OutboxModule, TicketsModule, CategoriesModule, ContactsModule, InboundMailModule, TicketsSettingsModule],
      controllers: [CustomerSuccessController, CustomerSuccessRequesterResolvedConsumer],
      providers: [
        { provide: CUSTOMER_SUCCESS_LIMITS, useValue: limits },
        CustomerSuccessRepository,
        CustomerSuccessService,
        OpenCustomerSuccessTicketUseCase,
      ],
    };
  }
}
