/**
 * Broker answers that say leadership is moving: a partition's leader or a group's coordinator is being
 * elected or has just changed. They are normal for the first seconds of a broker (or a new topic) and
 * during a rolling restart, and kafkajs refreshes its metadata and retries the request by itself; it
 * still logs each one at error level. Only a retry that runs out is a failure, and that one reaches
 * the caller as an error of its own.
 */
const leadershipMoving = [
  /not the leader for that topic-partition/i,
  /no leader for this topic-partition/i,
  /leader epoch in the request is (older|newer)/i,
  /coordinator is loading/i,
  /group coordinator is not available/i,
  /not the correct coordinator/i,
];

export type KafkajsLogLevel = 'error' | 'warn';

/** The level a kafkajs error entry deserves: a retried leadership change is a warning, anything else stays an error. */
export function levelOfKafkajsError(details: Readonly<Record<string, unknown>>): KafkajsLogLevel {
  const error = typeof details.error === 'string' ? details.error : '';
  return leadershipMoving.some((pattern) => pattern.test(error)) ? 'warn' : 'error';
}
