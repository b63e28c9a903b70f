import type { Client } from 'pg';
import type { TopicName } from '@helpgate/contracts';
import { eventually } from './infra';
import type { KafkaTestClient } from './kafka-test-client';

/** Publishes an event to a service and waits until the service recorded it in its processed-events ledger. */
export async function publishAndWaitHandled(
  kafka: KafkaTestClient,
  database: Client,
  topic: TopicName,
  key: string,
  event: { eventId: string },
): Promise<void> {
  await kafka.produce(topic, [{ key, value: JSON.stringify(event) }]);
  await eventually(async () =>
    expect((await database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [event.eventId])).rowCount).toBe(1),
  );
}
