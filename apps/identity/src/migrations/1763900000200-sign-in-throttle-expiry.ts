import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the purge of expired sign-in failures and long-unused known addresses find them by time, not by a full scan. */
export class SignInThrottleExpiry1763900000200 implements MigrationInterface {
  name = 'SignInThrottleExpiry1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX sign_in_failures_last_failure_at ON sign_in_failures (last_failure_at)');
    await queryRunner.query('CREATE INDEX sign_in_known_addresses_last_signed_in_at ON sign_in_known_addresses (last_signed_in_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX sign_in_known_addresses_last_signed_in_at');
    await queryRunner.query('DROP INDEX sign_in_failures_last_failure_at');
  }
}
