import { checkConsumedTopics } from '@helpgate/platform';
import { testAuthEnv } from '../../../test/support/auth';
import { emailIngestServiceDefinition } from './email-ingest.definition';

describe('emailIngestServiceDefinition', () => {
  it('handles exactly the topics libs/contracts declares that email-ingest consumes', async () => {
    await expect(checkConsumedTopics(emailIngestServiceDefinition(testAuthEnv))).resolves.toBeUndefined();
  });

  it('runs every consumer on a processing instance and none on an SMTP-only one', async () => {
    await expect(
      checkConsumedTopics(emailIngestServiceDefinition({ ...testAuthEnv, EMAIL_INGEST_ROLES: 'processing' })),
    ).resolves.toBeUndefined();
    await expect(
      checkConsumedTopics(emailIngestServiceDefinition({ ...testAuthEnv, EMAIL_INGEST_ROLES: 'smtp' })),
    ).resolves.toBeUndefined();
  });
});
