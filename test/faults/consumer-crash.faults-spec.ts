import { countTickets } from '../support/helpgate-api';
import { eventually } from '../support/infra';
import { FaultScenario, loadSize, scenarioTimeoutMs } from './fault-scenario';
import { outcomeCount } from './fault-tally';

describe('identity, then tickets, killed (SIGKILL) under an SMTP load and started again', () => {
  let scenario: FaultScenario;

  beforeAll(async () => {
    scenario = await FaultScenario.start('SIGKILL identity, then tickets');
  });

  afterAll(async () => {
    await scenario?.cleanUp();
  });

  it(
    'loses no ticket or contact and duplicates none',
    async () => {
      const { stack } = scenario;
      const load = scenario.startLoad();
      // Each is killed in the middle of its work (consuming, writing, publishing from its outbox): mail is flowing.
      for (const [service, share] of [
        ['identity', 0.3],
        ['tickets', 0.6],
      ] as const) {
        await load.decidedAtLeast(loadSize * share);
        await eventually(async () => expect(await countTickets(stack)).toBeGreaterThan(0), 60_000, 500);
        expect(await stack.stopService(service, 'SIGKILL')).toBe('SIGKILL');
        await stack.startService(service);
      }
      const first = await load.finished;

      // email-ingest never noticed: every message was answered 250 at once.
      expect(outcomeCount(first, 'accepted')).toBe(loadSize);
      await scenario.expectEachMessageOnce(first);
    },
    scenarioTimeoutMs,
  );
});
