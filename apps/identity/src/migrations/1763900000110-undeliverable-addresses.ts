import { MigrationInterface, QueryRunner } from 'typeorm';

export class UndeliverableAddresses1763900000110 implements MigrationInterface {
  name = 'UndeliverableAddresses1763900000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_emails ADD COLUMN undeliverable_since timestamptz, ADD COLUMN undeliverable_reason text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_emails DROP COLUMN undeliverable_reason, DROP COLUMN undeliverable_since');
  }
}
