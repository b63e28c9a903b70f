import { DedicatedKafka } from '../support/dedicated-kafka';
import { FaultScenario, scenarioTimeoutMs } from './fault-scenario';

describe('the Kafka broker killed (SIGKILL) under an SMTP load and started again', () => {
  let kafka: DedicatedKafka;
  let scenario: FaultScenario;

  beforeAll(async () => {
    kafka = await DedicatedKafka.start('faults-broker');
    scenario = await FaultScenario.start('SIGKILL Kafka broker', { brokers: kafka.brokers });
  }, 300_000);

  afterAll(async () => {
    try {
      // A scenario that failed during the outage leaves the broker down, and the stack needs it to delete its topics.
      await kafka?.restart();
      await scenario?.cleanUp();
    } finally {
      await kafka?.remove();
    }
  });

  it(
    'answers 250 only for mail Kafka has and 4xx for the rest; each 250, and each 4xx once resent, is exactly one ticket',
    async () => {
      const first = await scenario.loadThroughOutage(0.25, { stop: () => kafka.kill(), restart: () => kafka.restart() });
      await scenario.expectEachMessageOnce(first);
    },
    scenarioTimeoutMs,
  );
});
