import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { EntityManager } from 'typeorm';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import { ChatNotifier, Notices } from './chat-notifier';

export interface ChatTransaction {
  manager: EntityManager;
  outbox: Outbox;
  notices: Notices;
}

/** Tells the queue dispatcher that the queue or the agents' capacity changed. */
@Injectable()
export class QueueSignal {
  readonly moved = new Subject<void>();
}

/**
 * A change to conversations, its events (outbox) and what sockets are told, together: the notices are emitted only
 * after the commit, so nobody is told of a message or a state that was rolled back.
 */
@Injectable()
export class ChatTransactions {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly notifier: ChatNotifier,
    private readonly queueSignal: QueueSignal,
  ) {}

  async run<Result>(work: (tx: ChatTransaction) => Promise<Result>): Promise<Result> {
    const notices = new Notices();
    const result = await this.events.run((manager, outbox) => work({ manager, outbox, notices }));
    notices.flush(this.notifier);
    if (notices.queueMoved) this.queueSignal.moved.next();
    return result;
  }
}
