import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions renewed by rotating refresh tokens, and the memory of failed sign-ins that throttles guessing. */
export class SessionsAndSignInThrottle1763900000196 implements MigrationInterface {
  name = 'SessionsAndSignInThrottle1763900000196';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind text NOT NULL CHECK (subject_kind IN ('agent', 'contact')),
        subject_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('signed_out', 'password_changed', 'deactivated', 'refresh_token_reused'))
      )`);
    await queryRunner.query('CREATE INDEX sessions_open_of_subject ON sessions (subject_kind, subject_id) WHERE revoked_at IS NULL');
    // Only digests: a leaked table renews no session. A rotated token stays, so its reuse is recognized.
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX refresh_tokens_of_session ON refresh_tokens (session_id)');
    // Keyed by digests of the account or client address, never the address itself.
    await queryRunner.query(`
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL,
        alerted_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE sign_in_known_addresses (
        account_key text NOT NULL,
        address_key text NOT NULL,
        last_signed_in_at timestamptz NOT NULL,
        PRIMARY KEY (account_key, address_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sign_in_known_addresses');
    await queryRunner.query('DROP TABLE sign_in_failures');
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE sessions');
  }
}
