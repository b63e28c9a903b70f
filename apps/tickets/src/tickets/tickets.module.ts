import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { AgentsModule } from '../agents/agents.module';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { PrioritiesController } from '../priorities/priorities.controller';
import { AgentMessagesService } from './agent-messages.service';
import { OpenTicketUseCase } from './open-ticket.use-case';
import { OutboundMails } from './outbound-mails';
import { TicketAuditRepository } from './ticket-audit.repository';
import { TicketLifecycle } from './ticket-lifecycle';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';
import { UpdateTicketUseCase } from './update-ticket.use-case';
import { UploadedAttachmentsRepository } from './uploaded-attachments.repository';

@Module({
  imports: [OutboxModule, CategoriesModule, ContactsModule, AgentsModule],
  controllers: [TicketsController, PrioritiesController],
  providers: [
    TicketsRepository,
    TicketAuditRepository,
    UploadedAttachmentsRepository,
    TicketLifecycle,
    OutboundMails,
    TicketsService,
    OpenTicketUseCase,
    UpdateTicketUseCase,
    AgentMessagesService,
  ],
  exports: [TicketsRepository, TicketLifecycle, OutboundMails, OpenTicketUseCase, UploadedAttachmentsRepository],
})
export class TicketsModule {}
