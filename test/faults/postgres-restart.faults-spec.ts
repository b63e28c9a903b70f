import { DedicatedPostgres } from '../support/dedicated-postgres';
import { everyServiceHealthy, FaultScenario, loadSize, scenarioTimeoutMs, until } from './fault-scenario';
import { outcomeCount } from './fault-tally';

describe('Postgres stopped (immediate shutdown) under an SMTP load and started again', () => {
  let postgres: DedicatedPostgres;
  let scenario: FaultScenario;

  beforeAll(async () => {
    postgres = await DedicatedPostgres.start('faults-postgres');
    scenario = await FaultScenario.start('Postgres immediate restart', { databaseUrl: postgres.url });
  }, 300_000);

  afterAll(async () => {
    try {
      await postgres?.restart();
      await scenario?.cleanUp();
    } finally {
      await postgres?.remove();
    }
  });

  it(
    'keeps every service running, refuses mail with 4xx while the database is away, and loses or duplicates nothing',
    async () => {
      const load = scenario.startLoad();
      await load.decidedAtLeast(loadSize * 0.3);
      await postgres.stopImmediately();
      await until('mail is refused with 4xx', () => outcomeCount(load.attempts, 'temporary') >= 10);
      await postgres.restart();
      const first = await load.finished;

      expect(outcomeCount(first, 'temporary')).toBeGreaterThanOrEqual(10);
      expect(outcomeCount(first, 'temporary') + outcomeCount(first, 'accepted')).toBe(loadSize);
      const resent = await scenario.resendRefused(first);
      expect(outcomeCount(resent, 'accepted')).toBe(resent.length);

      const row = await scenario.count(first, resent);
      expect(row).toMatchObject({ tickets: loadSize, acknowledgements: loadSize, lost: 0, duplicated: 0 });
      // No service was restarted: each rode out the outage on its own.
      expect(await scenario.health()).toEqual(everyServiceHealthy);
    },
    scenarioTimeoutMs,
  );
});
