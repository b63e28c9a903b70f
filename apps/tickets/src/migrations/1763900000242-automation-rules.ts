import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automation rules, run in the order of their position (1, 2, …, kept without gaps; unique but checked at commit, so
 * a reorder may swap positions within its transaction). Conditions and actions are validated by the service.
 */
export class AutomationRules1763900000242 implements MigrationInterface {
  name = 'AutomationRules1763900000242';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE automation_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        trigger text NOT NULL CHECK (trigger IN ('ticket_created', 'ticket_updated', 'message_received')),
        match text NOT NULL CHECK (match IN ('all', 'any')),
        conditions jsonb NOT NULL CHECK (jsonb_typeof(conditions) = 'array'),
        actions jsonb NOT NULL CHECK (jsonb_typeof(actions) = 'array' AND jsonb_array_length(actions) > 0),
        active boolean NOT NULL DEFAULT true,
        stops_later_rules boolean NOT NULL DEFAULT false,
        position integer NOT NULL CHECK (position > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT automation_rules_position UNIQUE (position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query('CREATE INDEX automation_rules_active ON automation_rules (trigger, position) WHERE active');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE automation_rules');
  }
}
