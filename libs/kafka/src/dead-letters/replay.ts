import { deadLetterTopicOf } from '@helpgate/contracts';
import type { OutgoingRecord } from '../event-publisher';
import { DEAD_LETTER_HEADERS } from './dead-letter-headers';
import type { DeadLetterRecord } from './dead-letter-records';

/** The record to publish so that only consumer group `groupId` handles it; the other groups of its topic skip it. */
export function addressedToGroup(record: OutgoingRecord, groupId: string): OutgoingRecord {
  return { ...record, headers: { ...record.headers, [DEAD_LETTER_HEADERS.replayForGroup]: groupId } };
}

/**
 * A dead letter handed back to its original topic for the group that failed it: key, payload and the event's own
 * headers as they were, the dead-letter headers replaced by where it comes from.
 */
export function replayOf(deadLetter: DeadLetterRecord, groupId: string): OutgoingRecord {
  const eventHeaders = Object.fromEntries(Object.entries(deadLetter.headers).filter(([name]) => !name.startsWith('dlq-')));
  return addressedToGroup(
    {
      topic: deadLetter.topic,
      key: deadLetter.key,
      value: deadLetter.value,
      headers: {
        ...eventHeaders,
        [DEAD_LETTER_HEADERS.replayedFrom]: `${deadLetterTopicOf(deadLetter.topic)}/${deadLetter.partition}/${deadLetter.offset}`,
      },
    },
    groupId,
  );
}

/** Whether a consumed record was handed back for another consumer group than `groupId`, which must then skip it. */
export function isReplayForAnotherGroup(headers: Record<string, string>, groupId: string): boolean {
  const target = headers[DEAD_LETTER_HEADERS.replayForGroup];
  return target !== undefined && target !== groupId;
}
