import { Injectable, Logger } from '@nestjs/common';
import { AgentDirectoryService } from '../agents/agent-directory.service';
import { CategoriesService } from '../categories/categories.service';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { AgentActor } from './current-agent.decorator';
import { TicketDetailDto, toTicketDetail, UpdateTicketDto } from './ticket.dto';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketsRepository } from './tickets.repository';
import { TicketTransactionsService } from './ticket-transactions.service';

/** An agent changes a ticket's status, priority, category, assignee or tags. */
@Injectable()
export class UpdateTicketUseCase {
  private readonly logger = new Logger(UpdateTicketUseCase.name);

  constructor(
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly categories: CategoriesService,
    private readonly agents: AgentDirectoryService,
    private readonly tickets: TicketsRepository,
  ) {}

  async execute(id: string, patch: UpdateTicketDto, actor: AgentActor): Promise<TicketDetailDto> {
    const changes = await this.transactions.run(async (work) => {
      const { manager } = work;
      const ticket = await this.tickets.lock(id, manager);
      if (!ticket) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${id}`);
      if (patch.categoryId && patch.categoryId !== ticket.categoryId) await this.categories.requireAssignable(patch.categoryId, manager);
      if (patch.assigneeId && patch.assigneeId !== ticket.assigneeId) await this.agents.requireAssignable(patch.assigneeId, manager);
      return this.lifecycle.change(ticket, patch, actor, work);
    });
    this.logger.log({ ticketId: id, agentId: actor.id, fields: changes.map((change) => change.field) }, 'ticket changed by an agent');
    return toTicketDetail((await this.tickets.findWithMessages(id))!);
  }
}
