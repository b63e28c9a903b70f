import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TopicName } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import { TicketAuditRepository } from './ticket-audit.repository';
import { TicketWork } from './ticket-work';
import { AutomaticRepliesRepository } from './automatic-replies.repository';

/**
 * Runs work on tickets in one transaction, with what it held (history, events, automatic mails counted) written at
 * its end in one statement each: all of it commits with the data or not at all.
 */
@Injectable()
export class TicketTransactionsService {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly audit: TicketAuditRepository,
    private readonly automaticReplies: AutomaticRepliesRepository,
  ) {}

  async run<Result>(work: (work: TicketWork) => Promise<Result>): Promise<Result> {
    return this.events.run((manager, outbox) => this.within(manager, outbox, work));
  }

  /** Runs the work once, in one transaction, on the events not processed before (see `TransactionalEvents.runOnceEach`). */
  async runOnceEach<Event extends { eventId: string }>(
    events: readonly Event[],
    topic: TopicName,
    work: (freshEvents: Event[], work: TicketWork) => Promise<void>,
  ): Promise<void> {
    await this.events.runOnceEach(events, topic, (freshEvents, manager, outbox) =>
      this.within(manager, outbox, (ticketWork) => work(freshEvents, ticketWork)),
    );
  }

  private async within<Result>(manager: EntityManager, outbox: Outbox, work: (work: TicketWork) => Promise<Result>): Promise<Result> {
    const ticketWork = new TicketWork(manager);
    const result = await work(ticketWork);
    const { history, events, automaticReplies } = ticketWork.takeHeld();
    await this.audit.recordAll(history, manager);
    await this.automaticReplies.record(automaticReplies, manager);
    await outbox.addAll(events);
    return result;
  }
}
