import type { QueryRunner } from 'typeorm';
import type { SettingsTables } from './settings-store';

/**
 * The tables a `SettingsStore` works on, for a service's migration: one row per changed setting (a setting without a
 * row has its default), and the audit of every change, read newest first.
 */
export async function createSettingsTables(queryRunner: QueryRunner, tables: SettingsTables): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE ${tables.values} (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  await queryRunner.query(`
    CREATE TABLE ${tables.audit} (
      id bigserial PRIMARY KEY,
      actor text NOT NULL,
      setting text NOT NULL,
      old_value jsonb NOT NULL,
      new_value jsonb NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
  await queryRunner.query(`CREATE INDEX ${tables.audit}_newest ON ${tables.audit} (changed_at DESC, id DESC)`);
}

export async function dropSettingsTables(queryRunner: QueryRunner, tables: SettingsTables): Promise<void> {
  await queryRunner.query(`DROP TABLE ${tables.audit}`);
  await queryRunner.query(`DROP TABLE ${tables.values}`);
}
