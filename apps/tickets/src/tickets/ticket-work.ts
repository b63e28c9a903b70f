import { EntityManager } from 'typeorm';
import { EventOf, TopicName, topicSchemas } from '@helpgate/contracts';
import type { OutboxEntry } from '@helpgate/outbox';
import type { NewAuditEntry } from './ticket-audit.repository';

export type HistoryEntry = NewAuditEntry & { occurredAt: Date };

/** What the work holds at a moment, to drop what came after when the work since is undone. */
export interface WorkMark {
  history: number;
  events: number;
  automaticReplies: number;
}

/** What the work held, to be written when it ends. */
export interface HeldWrites {
  history: HistoryEntry[];
  events: OutboxEntry[];
  /** The recipient of each automatic mail sent, in order. */
  automaticReplies: string[];
}

/**
 * The transaction a change runs in: its database work, and what it writes only when it ends (`TicketTransactionsService`),
 * a statement for a whole batch of mail instead of one per change: the tickets' history entries, the events, and the
 * automatic mails counted against each recipient's limit. Work undone to a savepoint drops what it held since
 * (`undoTo`).
 */
export class TicketWork {
  private readonly history: HistoryEntry[] = [];
  private readonly events: OutboxEntry[] = [];
  private readonly automaticReplies: string[] = [];
  /** Automatic mails each recipient had been sent within the window before this work, as looked up. */
  private readonly automaticRepliesBefore = new Map<string, number>();

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

  knowAutomaticRepliesBefore(recipient: string, count: number): void {
    this.automaticRepliesBefore.set(recipient, count);
  }

  /** Automatic mails the recipient was sent within the window, this work's included; undefined until looked up. */
  automaticRepliesTo(recipient: string): number | undefined {
    const before = this.automaticRepliesBefore.get(recipient);
    if (before === undefined) return undefined;
    return before + this.automaticReplies.filter((sentTo) => sentTo === recipient).length;
  }

  countAutomaticReply(recipient: string): void {
    this.automaticReplies.push(recipient);
  }

  mark(): WorkMark {
    return { history: this.history.length, events: this.events.length, automaticReplies: this.automaticReplies.length };
  }

  undoTo(mark: WorkMark): void {
    this.history.length = mark.history;
    this.events.length = mark.events;
    this.automaticReplies.length = mark.automaticReplies;
  }

  /** What the work holds, in the order it was done; taken once, when the work ends. */
  takeHeld(): HeldWrites {
    return { history: this.history.splice(0), events: this.events.splice(0), automaticReplies: this.automaticReplies.splice(0) };
  }
}
