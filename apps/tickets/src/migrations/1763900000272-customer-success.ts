import { MigrationInterface, QueryRunner } from 'typeorm';

/** The requests of the "contact customer success" form: counted for the rate limits, each linked to its one ticket. */
export class CustomerSuccess1763900000272 implements MigrationInterface {
  name = 'CustomerSuccess1763900000272';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_success_submissions (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        client_address text,
        submitted_at timestamptz NOT NULL,
        ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL
      )`);
    await queryRunner.query('CREATE INDEX customer_success_submissions_by_address ON customer_success_submissions (email, submitted_at)');
    await queryRunner.query(
      'CREATE INDEX customer_success_submissions_by_client ON customer_success_submissions (client_address, submitted_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_success_submissions');
  }
}
