import { DedicatedKafka } from '../support/dedicated-kafka';
import { everyServiceHealthy, FaultScenario, loadSize, scenarioTimeoutMs, until } from './fault-scenario';
import { outcomeCount } from './fault-tally';

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
      const load = scenario.startLoad();
      await load.decidedAtLeast(loadSize * 0.25);
      await kafka.kill();
      await until('mail is refused with 4xx', () => outcomeCount(load.attempts, 'temporary') >= 10);
      await kafka.restart();
      const first = await load.finished;

      expect(outcomeCount(first, 'temporary')).toBeGreaterThanOrEqual(10);
      expect(outcomeCount(first, 'temporary') + outcomeCount(first, 'accepted')).toBe(loadSize);
      const resent = await scenario.resendRefused(first);
      expect(outcomeCount(resent, 'accepted')).toBe(resent.length);

      const row = await scenario.count(first, resent);
      expect(row).toMatchObject({ tickets: loadSize, acknowledgements: loadSize, lost: 0, duplicated: 0 });
      expect(await scenario.health()).toEqual(everyServiceHealthy);
    },
    scenarioTimeoutMs,
  );
});
