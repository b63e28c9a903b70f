import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { chatService } from './chat.service';

describe('chatService', () => {
  it('handles exactly the topics libs/contracts declares that chat consumes', async () => {
    await expect(checkConsumedTopics(chatService(testAuthEnv))).resolves.toBeUndefined();
  });
});
