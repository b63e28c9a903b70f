export interface WaitEstimateInput {
  /** 1 for the conversation that is taken next. */
  position: number;
  /** Conversations the available agents can still take (capacity minus active chats, summed). */
  availableAgentSlots: number;
  /** How long recently accepted conversations waited from entering the queue to being accepted. */
  recentAcceptWaitsMs: number[];
}

/**
 * An estimate of how long a waiting conversation still waits: the median of the recent waits is what one turn
 * of the queue takes (the median, so one forgotten conversation does not skew it); the free slots serve that many
 * conversations a turn, and at least one once a slot frees up. Null when no conversation was accepted recently:
 * nothing to estimate from, and a made-up figure would be worse than none.
 */
export function estimateWaitMs(input: WaitEstimateInput): number | null {
  if (!Number.isInteger(input.position) || input.position < 1) {
    throw new RangeError(`a queue position starts at 1, got ${input.position}`);
  }
  if (input.recentAcceptWaitsMs.length === 0) return null;
  const turns = Math.ceil(input.position / Math.max(1, input.availableAgentSlots));
  return Math.round(turns * median(input.recentAcceptWaitsMs));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
