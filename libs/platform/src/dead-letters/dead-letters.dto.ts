import { z } from 'zod';
import { DEAD_LETTER_HEADERS, DeadLetterRecord, EVENT_HEADERS } from '@helpgate/kafka';
import { pageQuerySchema } from '../pagination';
import type { DeadLetterReplay } from './dead-letter-replays.repository';

export const deadLetterListQuerySchema = pageQuerySchema.extend({
  topic: z.string().min(1).optional().describe('One consumed topic (without `.dlq`); all of them when absent.'),
});
export type DeadLetterListQueryDto = z.output<typeof deadLetterListQuerySchema>;

export const deadLetterLocationSchema = z.object({
  topic: z.string().min(1).describe('The consumed topic, without `.dlq`.'),
  partition: z.coerce.number().int().min(0),
  offset: z.string().regex(/^\d+$/, 'must be a record offset'),
});
export type DeadLetterLocationDto = z.output<typeof deadLetterLocationSchema>;

export const deadLetterSchema = z.object({
  topic: z.string().describe('The topic the event was consumed from.'),
  partition: z.number().int().describe('Partition of the record in the dead-letter topic.'),
  offset: z.string().describe('Offset of the record in the dead-letter topic.'),
  originalPartition: z.number().int().optional(),
  originalOffset: z.string().optional(),
  eventId: z.string().optional(),
  key: z.string(),
  reason: z.string(),
  failedAt: z.iso.datetime().optional(),
  replays: z.array(z.object({ replayedBy: z.string(), replayedAt: z.iso.datetime() })).describe('Oldest first; empty while never replayed.'),
});
export type DeadLetterDto = z.infer<typeof deadLetterSchema>;

export const deadLetterDetailSchema = deadLetterSchema.extend({
  value: z.string().describe('The payload as it was consumed (not always JSON: that may be why it failed).'),
  headers: z.record(z.string(), z.string()),
});
export type DeadLetterDetailDto = z.infer<typeof deadLetterDetailSchema>;

export function toDeadLetter(record: DeadLetterRecord, replays: readonly DeadLetterReplay[]): DeadLetterDto {
  const { headers } = record;
  const originalPartition = headers[DEAD_LETTER_HEADERS.originalPartition];
  const failedAt = headers[DEAD_LETTER_HEADERS.failedAt];
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    ...(originalPartition !== undefined ? { originalPartition: Number(originalPartition) } : {}),
    ...(headers[DEAD_LETTER_HEADERS.originalOffset] !== undefined ? { originalOffset: headers[DEAD_LETTER_HEADERS.originalOffset] } : {}),
    ...(headers[EVENT_HEADERS.eventId] !== undefined ? { eventId: headers[EVENT_HEADERS.eventId] } : {}),
    key: record.key,
    reason: headers[DEAD_LETTER_HEADERS.reason] ?? '',
    ...(failedAt !== undefined ? { failedAt } : {}),
    replays: replays
      .filter((replay) => replay.partition === record.partition && replay.offset === record.offset)
      .map((replay) => ({ replayedBy: replay.replayedBy, replayedAt: replay.replayedAt.toISOString() })),
  };
}

export function toDeadLetterDetail(record: DeadLetterRecord, replays: readonly DeadLetterReplay[]): DeadLetterDetailDto {
  return { ...toDeadLetter(record, replays), value: record.value, headers: record.headers };
}
