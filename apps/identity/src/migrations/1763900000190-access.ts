import { MigrationInterface, QueryRunner } from 'typeorm';

export class Access1763900000190 implements MigrationInterface {
  name = 'Access1763900000190';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        languages text[] NOT NULL DEFAULT '{}',
        chat_capacity integer NOT NULL DEFAULT 3 CHECK (chat_capacity BETWEEN 0 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Contacts and agents sign in with a password of their own; a row exists once one was set.
    await queryRunner.query(`
      CREATE TABLE credentials (
        subject_kind text NOT NULL CHECK (subject_kind IN ('agent', 'contact')),
        subject_id uuid NOT NULL,
        password_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_kind, subject_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE one_time_links (
        token_hash text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('set_password', 'verify_email')),
        subject_kind text NOT NULL CHECK (subject_kind IN ('agent', 'contact')),
        subject_id uuid NOT NULL,
        email text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX one_time_links_subject ON one_time_links (subject_kind, subject_id, purpose)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE one_time_links');
    await queryRunner.query('DROP TABLE credentials');
    await queryRunner.query('DROP TABLE agents');
  }
}
