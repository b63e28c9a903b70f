import { services } from '../../scripts/lib/service-processes.cjs';
import { ExitCode } from '../support/stack';
import { FaultScenario, loadSize, scenarioTimeoutMs } from './fault-scenario';
import { outcomeCount } from './fault-tally';

describe('each service stopped (SIGTERM) under an SMTP load and started again', () => {
  let scenario: FaultScenario;

  beforeAll(async () => {
    scenario = await FaultScenario.start('SIGTERM each service');
  });

  afterAll(async () => {
    await scenario?.cleanUp();
  });

  it(
    'drains and exits 0, one service after the other, and nothing accepted is lost',
    async () => {
      const { stack } = scenario;
      const load = scenario.startLoad();
      const exitCodes: Record<string, ExitCode> = {};
      for (const [position, service] of services.entries()) {
        await load.decidedAtLeast((loadSize * (position + 1)) / (services.length + 1));
        exitCodes[service] = await stack.stopService(service);
        await stack.startService(service);
      }
      const first = await load.finished;

      expect(exitCodes).toEqual({ 'email-ingest': 0, identity: 0, tickets: 0, chat: 0 });
      // While email-ingest was away mail was refused (421 or no connection), never rejected for good.
      expect(outcomeCount(first, 'permanent')).toBe(0);
      await scenario.expectEachMessageOnce(first);
    },
    scenarioTimeoutMs,
  );
});
