import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Page, PageOf } from '../pagination';

/** How each setting of a service is validated, both from the API and when read back from the database. */
export type SettingSchemas<Settings> = { [Name in keyof Settings]: z.ZodType<Settings[Name]> };

/** One change of one setting, as the audit keeps it for good. */
export interface SettingChange {
  id: string;
  actor: string;
  setting: string;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
}

/** The two tables a service's settings live in (see identity's and chat's migrations): values by key, and the audit. */
export interface SettingsTables {
  values: string;
  audit: string;
}

const tableName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The settings an admin changes through a service's API, stored in the service's own database. Read on every use
 * (one small query), so a change applies at once in every instance; every change is audited with who made it and
 * what it replaced. A setting without a stored row has its default.
 */
export class SettingsStore<Settings extends Record<string, unknown>> {
  private readonly logger: Logger;
  private readonly names: (keyof Settings & string)[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: SettingsTables,
    private readonly schemas: SettingSchemas<Settings>,
    private readonly defaults: Settings,
  ) {
    // Table names go into the SQL text: they come from code, never from a request, and are checked once here.
    for (const table of [tables.values, tables.audit]) if (!tableName.test(table)) throw new Error(`bad settings table name ${table}`);
    this.logger = new Logger(`SettingsStore(${tables.values})`);
    this.names = Object.keys(schemas) as (keyof Settings & string)[];
  }

  async current(manager: EntityManager = this.dataSource.manager): Promise<Settings> {
    const current = { ...this.defaults };
    const stored: { key: string; value: unknown }[] = await manager.query(`SELECT key, value FROM ${this.tables.values}`);
    for (const { key, value } of stored) {
      if (key in this.schemas) this.apply(current, key as keyof Settings & string, value);
    }
    return current;
  }

  /** Stores the settings of the patch that differ from their current values, auditing each; answers all of them after. */
  async change(patch: Partial<Settings>, actor: string): Promise<Settings> {
    const changed: string[] = [];
    const settings = await this.dataSource.transaction(async (manager) => {
      // Serializes changes, so every audit entry's old value is the one it replaced.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.tables.values]);
      const current = await this.current(manager);
      for (const name of this.names.filter((key) => patch[key] !== undefined)) {
        const [oldValue, newValue] = [current[name], patch[name]];
        if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
        await manager.query(
          `INSERT INTO ${this.tables.values} (key, value) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
          [name, JSON.stringify(newValue)],
        );
        await manager.query(`INSERT INTO ${this.tables.audit} (actor, setting, old_value, new_value) VALUES ($1, $2, $3, $4)`, [
          actor,
          name,
          JSON.stringify(oldValue),
          JSON.stringify(newValue),
        ]);
        changed.push(name);
      }
      return this.current(manager);
    });
    this.logger.log({ settings: changed }, 'settings changed');
    return settings;
  }

  /** The audit, newest first. */
  async changes(page: Page): Promise<PageOf<SettingChange>> {
    const rows: { id: string; actor: string; setting: string; old_value: unknown; new_value: unknown; changed_at: Date; total: string }[] =
      await this.dataSource.query(
        `SELECT id, actor, setting, old_value, new_value, changed_at, count(*) OVER () AS total
         FROM ${this.tables.audit} ORDER BY changed_at DESC, id DESC LIMIT $1 OFFSET $2`,
        [page.limit, page.offset],
      );
    const total = rows.length > 0 ? Number(rows[0]!.total) : await this.countChanges();
    const items = rows.map((row) => ({
      id: String(row.id),
      actor: row.actor,
      setting: row.setting,
      oldValue: row.old_value,
      newValue: row.new_value,
      changedAt: row.changed_at.toISOString(),
    }));
    return { items, total, limit: page.limit, offset: page.offset };
  }

  private async countChanges(): Promise<number> {
    const [{ count }]: { count: string }[] = await this.dataSource.query(`SELECT count(*) FROM ${this.tables.audit}`);
    return Number(count);
  }

  /** A stored value that no longer validates (an older format) leaves the default in place rather than failing every use. */
  private apply<Name extends keyof Settings & string>(settings: Settings, name: Name, stored: unknown): void {
    const parsed = this.schemas[name].safeParse(stored);
    if (parsed.success) settings[name] = parsed.data;
    else this.logger.warn({ setting: name }, 'stored setting is invalid: its default applies');
  }
}
