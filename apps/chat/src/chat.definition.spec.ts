import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { chatServiceDefinition } from './chat.definition';

describe('chatServiceDefinition', () => {
  it('handles exactly the topics libs/contracts declares that chat consumes', async () => {
    await expect(checkConsumedTopics(chatServiceDefinition(testAuthEnv))).resolves.toBeUndefined();
  });
});
