import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { emailIngestServiceDefinition } from './email-ingest.definition';

describe('emailIngestServiceDefinition', () => {
  it('handles exactly the topics libs/contracts declares that email-ingest consumes', async () => {
    await expect(checkConsumedTopics(emailIngestServiceDefinition(testAuthEnv))).resolves.toBeUndefined();
  });
});
