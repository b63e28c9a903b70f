// Kafka chores of the benchmarks: topics of one run, consumer-group lag, topic sizes.
import { createRequire } from 'node:module';
import { repoRoot } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { Kafka, logLevel } = require('kafkajs');

export const kafkajsVersion = require('kafkajs/package.json').version;

export function kafkaClient(brokers) {
  return new Kafka({ clientId: 'helpgate-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

export async function withAdmin(kafka, work) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topics (already prefixed) with the given partitions, as the services' TopicAdmin would. */
export async function createTopics(kafka, topics, partitions) {
  await withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
    }
  });
}

export async function deleteTopicsWithPrefix(kafka, prefix) {
  await withAdmin(kafka, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  });
}

/** Records in the topic: the sum of its partitions' high watermarks (topics here are never compacted or trimmed). */
export async function topicSize(admin, topic) {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((total, partition) => total + Number(partition.high), 0);
}

/** Records of the topics the group has not committed yet (a group without commits lags by everything). */
export async function groupLag(admin, groupId, topics) {
  let lag = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const offset = Number(committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? -1);
      lag += Number(end.high) - Math.max(offset, Number(end.low));
    }
  }
  return lag;
}
