import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What tickets knows of identity's agents, from `identity.agent.changed`: enough to check an assignee and show its name.
 * `known_at` is when identity said it, so an older event arriving late never overwrites a newer one.
 */
export class AgentDirectory1763900000250 implements MigrationInterface {
  name = 'AgentDirectory1763900000250';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL,
        known_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agents');
  }
}
