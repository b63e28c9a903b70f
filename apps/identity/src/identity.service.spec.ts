import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { identityService } from './identity.service';

describe('identityService', () => {
  it('handles exactly the topics libs/contracts declares that identity consumes', async () => {
    await expect(checkConsumedTopics(identityService(testAuthEnv))).resolves.toBeUndefined();
  });
});
