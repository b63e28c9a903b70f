import { DataSource } from 'typeorm';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';

describe('migration DuplicateCandidates1763900000181 (real Postgres)', () => {
  let identity: ServiceInProcess;
  let dataSource: DataSource;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    dataSource = identity.app.get(DataSource);
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('goes down and up again, giving the addresses already stored their mailbox keys', async () => {
    await undoMigrationsThrough(dataSource, 'DuplicateCandidates1763900000181');
    await dataSource.query(
      `WITH contact AS (
         INSERT INTO contacts (name, organization_id, source) SELECT 'Old Contact', id, 'email' FROM organizations WHERE is_default RETURNING id
       )
       INSERT INTO contact_emails (email, contact_id, is_primary)
       SELECT address.email, contact.id, address.is_primary
         FROM contact, (VALUES ('j.ane+news@googlemail.com', true), ('jane+work@acme.test', false)) AS address (email, is_primary)`,
    );
    await dataSource.runMigrations({ transaction: 'each' });

    expect(await dataSource.query('SELECT email, mailbox_key FROM contact_emails ORDER BY email')).toEqual([
      { email: 'j.ane+news@googlemail.com', mailbox_key: 'jane@gmail.com' },
      { email: 'jane+work@acme.test', mailbox_key: 'jane@acme.test' },
    ]);
  });
});
