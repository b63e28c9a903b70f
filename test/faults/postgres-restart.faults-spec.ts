import { DedicatedPostgres } from '../support/dedicated-postgres';
import { FaultScenario, scenarioTimeoutMs } from './fault-scenario';

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
    'refuses mail with 4xx while the database is away, and every service rides it out: nothing lost or duplicated',
    async () => {
      const first = await scenario.loadThroughOutage(0.3, { stop: () => postgres.stopImmediately(), restart: () => postgres.restart() });
      // No service was restarted: each is still up.
      await scenario.expectEachMessageOnce(first);
    },
    scenarioTimeoutMs,
  );
});
