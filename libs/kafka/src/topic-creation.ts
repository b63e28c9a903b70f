import type { Admin, ITopicConfig } from 'kafkajs';

/** Errors a freshly created topic answers while the broker's metadata catches up with it: worth asking again. */
const notReadyYet = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

function isNotReadyYet(error: unknown): boolean {
  return notReadyYet.has((error as { type?: string }).type ?? '');
}

/**
 * Creates topics and waits until every partition has a leader. kafkajs's own `waitForLeaders` retries only
 * LEADER_NOT_AVAILABLE, but a KRaft broker under load answers UNKNOWN_TOPIC_OR_PARTITION for a topic it has just
 * created (its metadata lags the controller), and kafkajs then gives up on a topic that exists. Topics another client
 * created at the same moment count as created.
 */
export async function createTopicsAndWaitForLeaders(admin: Admin, topics: ITopicConfig[], timeoutMs = 30_000): Promise<void> {
  await admin.createTopics({ waitForLeaders: false, topics }).catch((error: unknown) => {
    if (!String((error as Error).message).includes('already exists')) throw error;
  });
  const names = topics.map(({ topic }) => topic);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: names });
      if (described.every(({ partitions }) => partitions.length > 0 && partitions.every(({ leader }) => leader >= 0))) return;
    } catch (error) {
      if (!isNotReadyYet(error)) throw error;
      if (Date.now() > deadline) throw new Error(`topics without a leader after ${timeoutMs} ms: ${names.join(', ')}`, { cause: error });
    }
    if (Date.now() > deadline) throw new Error(`topics without a leader after ${timeoutMs} ms: ${names.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
