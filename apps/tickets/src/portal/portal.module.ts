import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { PhoneCallbacksModule } from '../phone-callbacks/phone-callbacks.module';
import { TicketsModule } from '../tickets/tickets.module';
import { PortalController } from './portal.controller';
import { PortalRepliesUseCase } from './portal-replies.use-case';
import { PortalService } from './portal.service';
import { PortalTicketsRepository } from './portal-tickets.repository';

@Module({
  imports: [OutboxModule, TicketsModule, CategoriesModule, ContactsModule, PhoneCallbacksModule],
  controllers: [PortalController],
  providers: [PortalTicketsRepository, PortalService, PortalRepliesUseCase],
})
export class PortalModule {}
