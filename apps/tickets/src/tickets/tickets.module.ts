import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { AgentsModule } from '../agents/agents.module';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { PrioritiesController } from '../priorities/priorities.controller';
import { ReplyTemplatesModule } from '../reply-templates/reply-templates.module';
import { AgentMessagesService } from './agent-messages.service';
import { AutomaticRepliesService } from './automatic-replies.service';
import { AutomaticRepliesRepository } from './automatic-replies.repository';
import { GivenFilesService } from './given-files.service';
import { OpenTicketUseCase } from './open-ticket.use-case';
import { OutboundMailsService } from './outbound-mails.service';
import { TicketAuditRepository } from './ticket-audit.repository';
import { TicketCcsRepository } from './ticket-ccs.repository';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketRepliesService } from './ticket-replies.service';
import { TicketSearchRepository } from './ticket-search.repository';
import { TicketThreadsRepository } from './ticket-threads.repository';
import { TicketTransactionsService } from './ticket-transactions.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';
import { UpdateTicketUseCase } from './update-ticket.use-case';
import { UploadedAttachmentsRepository } from './uploaded-attachments.repository';

@Module({
  imports: [OutboxModule, CategoriesModule, ContactsModule, AgentsModule, ReplyTemplatesModule],
  controllers: [TicketsController, PrioritiesController],
  providers: [
    TicketsRepository,
    TicketSearchRepository,
    TicketThreadsRepository,
    TicketCcsRepository,
    AutomaticRepliesRepository,
    TicketAuditRepository,
    UploadedAttachmentsRepository,
    TicketLifecycleService,
    TicketTransactionsService,
    OutboundMailsService,
    TicketRepliesService,
    AutomaticRepliesService,
    TicketsService,
    OpenTicketUseCase,
    GivenFilesService,
    UpdateTicketUseCase,
    AgentMessagesService,
  ],
  exports: [
    TicketsRepository,
    TicketThreadsRepository,
    TicketCcsRepository,
    TicketAuditRepository,
    TicketLifecycleService,
    TicketTransactionsService,
    OutboundMailsService,
    TicketRepliesService,
    AutomaticRepliesService,
    OpenTicketUseCase,
    UploadedAttachmentsRepository,
    GivenFilesService,
  ],
})
export class TicketsModule {}
