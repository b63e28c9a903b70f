import { EntityManager } from 'typeorm';
import { EventOf, TopicName, topicSchemas } from '@helpgate/contracts';
import type { OutboxEntry } from '@helpgate/outbox';
import type { NewAuditEntry } from './ticket-audit.repository';

export type HistoryEntry = NewAuditEntry & { occurredAt: Date };

/** How much a work had held at a moment, to drop what came after when the work since is undone. */
export interface WorkMark {
  history: number;
  events: number;
}

/**
 * The transaction a change runs in: its database work, and the history entries and events that commit with it. Those
 * two are held here and written together when the work ends (`TicketTransactions`), a couple of statements for a whole
 * batch of mail instead of two per change. Work undone to a savepoint drops what it held since (`undoTo`).
 */
export class TicketWork {
  private readonly history: HistoryEntry[] = [];
  private readonly events: OutboxEntry[] = [];

  constructor(readonly manager: EntityManager) {}

  /** Adds an entry to a ticket's history, dated now. */
  record(entry: NewAuditEntry): void {
    this.history.push({ ...entry, occurredAt: new Date() });
  }

  /**
   * Publishes the event (through the outbox) if the work commits. It is checked against its contract now, so an
   * invalid one fails the step that made it (a rule's, say, undone alone) rather than the whole work at its end.
   */
  publish<T extends TopicName>(topic: T, key: string, event: EventOf<T>): void {
    topicSchemas[topic].parse(event);
    this.events.push({ topic, key, event } as OutboxEntry);
  }

  mark(): WorkMark {
    return { history: this.history.length, events: this.events.length };
  }

  undoTo(mark: WorkMark): void {
    this.history.length = mark.history;
    this.events.length = mark.events;
  }

  /** What the work holds, in the order it was done; taken once, when the work ends. */
  takePending(): { history: HistoryEntry[]; events: OutboxEntry[] } {
    return { history: this.history.splice(0), events: this.events.splice(0) };
  }
}
