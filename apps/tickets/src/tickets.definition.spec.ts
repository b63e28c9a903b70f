import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { ticketsServiceDefinition } from './tickets.definition';

describe('ticketsServiceDefinition', () => {
  it('handles exactly the topics libs/contracts declares that tickets consumes', async () => {
    await expect(checkConsumedTopics(ticketsServiceDefinition(testAuthEnv))).resolves.toBeUndefined();
  });
});
