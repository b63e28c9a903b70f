import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSettingsTables, dropSettingsTables } from '@helpgate/platform';

const ticketsSettingsTables = { values: 'tickets_settings', audit: 'tickets_settings_audit' };
const actionsBefore = "'created', 'updated', 'message_added', 'rule_action_skipped', 'rule_failed'";

/**
 * Tickets' settings an admin changes (libs/platform's settings tables), and the phone calls customers ask for on the
 * ticket form, written to the ticket's history as `callback_requested`.
 */
export class PhoneCallbacks1763900000270 implements MigrationInterface {
  name = 'PhoneCallbacks1763900000270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSettingsTables(queryRunner, ticketsSettingsTables);
    await queryRunner.query(`
      CREATE TABLE ticket_callback_requests (
        ticket_id uuid PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
        phone text NOT NULL,
        recording_consent boolean NOT NULL CHECK (recording_consent),
        requested_at timestamptz NOT NULL
      )`);
    await queryRunner.query('ALTER TABLE ticket_audit DROP CONSTRAINT ticket_audit_action_check');
    await queryRunner.query(
      `ALTER TABLE ticket_audit ADD CONSTRAINT ticket_audit_action_check CHECK (action IN (${actionsBefore}, 'callback_requested'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM ticket_audit WHERE action = 'callback_requested'");
    await queryRunner.query('ALTER TABLE ticket_audit DROP CONSTRAINT ticket_audit_action_check');
    await queryRunner.query(`ALTER TABLE ticket_audit ADD CONSTRAINT ticket_audit_action_check CHECK (action IN (${actionsBefore}))`);
    await queryRunner.query('DROP TABLE ticket_callback_requests');
    await dropSettingsTables(queryRunner, ticketsSettingsTables);
  }
}
