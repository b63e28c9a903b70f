import { z } from 'zod';

/** Fields every event carries, so consumers can deduplicate and order what they receive. */
export const eventEnvelopeSchema = z.object({
  eventId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
