import { migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { identityServiceDefinition } from '../identity.definition';

describe('migration DuplicatePairs1763900000202 (real Postgres)', () => {
  const identityDataSource = migratedDataSourceOf(identityServiceDefinition);

  it('goes down and up again, storing the pairs of the contacts already there', async () => {
    const dataSource = identityDataSource();
    await undoMigrationsThrough(dataSource, 'DuplicatePairs1763900000202');
    const [older, newer] = (await dataSource.query(
      `WITH contact AS (
         INSERT INTO contacts (name, organization_id, source, created_at)
         SELECT person.name, organization.id, 'email', person.created_at
           FROM organizations organization,
                (VALUES ('Old One', timestamptz '2026-01-01'), ('Old Two', timestamptz '2026-02-01')) AS person (name, created_at)
          WHERE organization.is_default
         RETURNING id, name
       ), address AS (
         INSERT INTO contact_emails (email, mailbox_key, contact_id, is_primary)
         SELECT CASE name WHEN 'Old One' THEN 'old@acme.test' ELSE 'old+two@acme.test' END, 'old@acme.test', id, true FROM contact
       )
       SELECT id FROM contact ORDER BY name`,
    )) as { id: string }[];
    await dataSource.runMigrations({ transaction: 'each' });

    const [first, second] = [older!.id, newer!.id].sort();
    const addresses = first === older!.id ? ['old@acme.test', 'old+two@acme.test'] : ['old+two@acme.test', 'old@acme.test'];
    expect(await dataSource.query('SELECT first_contact_id, second_contact_id, reasons, newest_created_at FROM duplicate_pairs')).toEqual([
      {
        first_contact_id: first,
        second_contact_id: second,
        reasons: [{ kind: 'similar_address', addresses }],
        newest_created_at: new Date('2026-02-01T00:00:00Z'),
      },
    ]);
  });
});
