import type { TopicName } from '@helpgate/contracts';

/** A record of `topic` the transport is about to dead-letter. */
export interface FailedRecord {
  key: string;
  /** The payload as received: it may not even be JSON. */
  value: string;
  reason: string;
}

/**
 * What a service does when one of its records of `topic` is dead-lettered, besides the dead letter: it runs before
 * the dead letter is published, and when it throws the record is redelivered, so it must be idempotent.
 */
export interface DeadLetterObserver {
  readonly topic: TopicName;
  onDeadLetter(record: FailedRecord): Promise<void>;
}
