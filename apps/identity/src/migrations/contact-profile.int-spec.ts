import { migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { identityServiceDefinition } from '../identity.definition';

describe('migration ContactProfile1763900000130 (real Postgres)', () => {
  const identityDataSource = migratedDataSourceOf(identityServiceDefinition);

  it('goes down and up again, splitting the names of existing contacts and keeping their organization', async () => {
    const dataSource = identityDataSource();
    await undoMigrationsThrough(dataSource, 'ContactProfile1763900000130');
    await dataSource.query(
      `INSERT INTO contacts (name, organization_id, source)
        SELECT old.name, organizations.id, 'email' FROM organizations, unnest(ARRAY['Jean Claude Van Damme', 'bob']) AS old (name)
         WHERE is_default`,
    );
    await dataSource.runMigrations({ transaction: 'each' });

    const contacts = await dataSource.query(
      `SELECT name, first_name, last_name, status, tags, contact.organization_id = membership.organization_id AS member_of_default
        FROM contacts contact JOIN contact_organizations membership ON membership.contact_id = contact.id ORDER BY name`,
    );
    expect(contacts).toEqual([
      {
        name: 'Jean Claude Van Damme',
        first_name: 'Jean',
        last_name: 'Claude Van Damme',
        status: 'active',
        tags: [],
        member_of_default: true,
      },
      { name: 'bob', first_name: 'bob', last_name: null, status: 'active', tags: [], member_of_default: true },
    ]);
  });
});
