import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { identityServiceDefinition } from './identity.definition';

describe('identityServiceDefinition', () => {
  it('handles exactly the topics libs/contracts declares that identity consumes', async () => {
    await expect(checkConsumedTopics(identityServiceDefinition(testAuthEnv))).resolves.toBeUndefined();
  });
});
