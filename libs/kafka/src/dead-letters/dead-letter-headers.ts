/** What the transport adds to a record it dead-letters, and to a dead letter it is handed back for another try. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  /**
   * On a record handed back to its topic: the one consumer group that is to handle it. Every other group consuming
   * the topic skips it, since it handled the original already.
   */
  replayForGroup: 'dlq-replay-for-group',
  /** On a replayed record: the dead letter it came from, `<dead-letter topic>/<partition>/<offset>`. */
  replayedFrom: 'dlq-replayed-from',
} as const;
