import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { ticketsService } from './tickets.service';

describe('ticketsService', () => {
  it('handles exactly the topics libs/contracts declares that tickets consumes', async () => {
    await expect(checkConsumedTopics(ticketsService(testAuthEnv))).resolves.toBeUndefined();
  });
});
