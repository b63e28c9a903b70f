import { migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { identityServiceDefinition } from '../identity.definition';

describe('migration DuplicateCandidates1763900000181 (real Postgres)', () => {
  const identityDataSource = migratedDataSourceOf(identityServiceDefinition);

  it('goes down and up again, giving the addresses already stored their mailbox keys', async () => {
    const dataSource = identityDataSource();
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
