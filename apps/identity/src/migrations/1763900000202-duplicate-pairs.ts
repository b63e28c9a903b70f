import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertPairsOfContactsSql } from '../duplicate-candidates/duplicate-pairs.repository';

const backfillBatchSize = 5000;

/**
 * Likely duplicates become stored pairs, kept up to date as contacts change, instead of being computed from every
 * contact on each read (a second and more per page at 100,000 contacts). The pairs of the contacts already stored are
 * computed here, a batch of contacts at a time.
 */
export class DuplicatePairs1763900000202 implements MigrationInterface {
  name = 'DuplicatePairs1763900000202';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign keys to contacts: a key would have each rewrite of pairs share-lock contact rows that a concurrent
    // change holds, and contacts are never deleted (merged and anonymized ones stay as tombstones, without pairs).
    await queryRunner.query(`
      CREATE TABLE duplicate_pairs (
        first_contact_id uuid NOT NULL,
        second_contact_id uuid NOT NULL,
        reasons jsonb NOT NULL,
        newest_created_at timestamptz NOT NULL,
        PRIMARY KEY (first_contact_id, second_contact_id),
        CHECK (first_contact_id < second_contact_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX duplicate_pairs_newest ON duplicate_pairs (newest_created_at DESC, first_contact_id, second_contact_id)',
    );
    await queryRunner.query('CREATE INDEX duplicate_pairs_second_contact ON duplicate_pairs (second_contact_id)');
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const batch = (await queryRunner.query(
        `SELECT id FROM contacts WHERE id > $1 AND merged_into_id IS NULL AND anonymized_at IS NULL ORDER BY id LIMIT $2`,
        [after, backfillBatchSize],
      )) as { id: string }[];
      if (batch.length === 0) break;
      await queryRunner.query(insertPairsOfContactsSql, [batch.map((contact) => contact.id)]);
      after = batch.at(-1)!.id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE duplicate_pairs');
  }
}
