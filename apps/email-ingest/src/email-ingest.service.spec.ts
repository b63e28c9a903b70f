import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { emailIngestService } from './email-ingest.service';

describe('emailIngestService', () => {
  it('handles exactly the topics libs/contracts declares that email-ingest consumes', async () => {
    await expect(checkConsumedTopics(emailIngestService(testAuthEnv))).resolves.toBeUndefined();
  });
});
