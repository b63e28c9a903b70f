import { testAuthEnv } from '../../../test/support/auth';
import { loadEmailIngestConfig } from './config';

describe('loadEmailIngestConfig roles', () => {
  it('runs the SMTP front door and the processing by default', () => {
    expect(loadEmailIngestConfig(testAuthEnv).roles).toEqual({ smtp: true, processing: true });
  });

  it('runs only the roles listed', () => {
    expect(loadEmailIngestConfig({ ...testAuthEnv, EMAIL_INGEST_ROLES: 'smtp' }).roles).toEqual({ smtp: true, processing: false });
    expect(loadEmailIngestConfig({ ...testAuthEnv, EMAIL_INGEST_ROLES: ' processing ' }).roles).toEqual({ smtp: false, processing: true });
  });

  it('refuses an unknown role and an empty list', () => {
    expect(() => loadEmailIngestConfig({ ...testAuthEnv, EMAIL_INGEST_ROLES: 'smtp,parsing' })).toThrow(/EMAIL_INGEST_ROLES/);
    expect(() => loadEmailIngestConfig({ ...testAuthEnv, EMAIL_INGEST_ROLES: ',' })).toThrow(/EMAIL_INGEST_ROLES/);
  });
});
