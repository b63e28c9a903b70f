import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { SettingChangeEntity } from './setting-change.entity';

export interface StoredSetting {
  key: string;
  value: unknown;
}

@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async readStored(manager: EntityManager = this.dataSource.manager): Promise<StoredSetting[]> {
    return manager.query('SELECT key, value FROM identity_settings');
  }

  /** Serializes changes of the settings, so every audit entry's old value is the one it replaced. */
  async lockForChange(manager: EntityManager): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('identity_settings'))");
  }

  async write(key: string, value: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO identity_settings (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }

  async recordChange(
    change: Pick<SettingChangeEntity, 'actor' | 'setting' | 'oldValue' | 'newValue'>,
    manager: EntityManager,
  ): Promise<void> {
    const { actor, setting, oldValue, newValue } = change;
    await manager.query('INSERT INTO identity_settings_audit (actor, setting, old_value, new_value) VALUES ($1, $2, $3, $4)', [
      actor,
      setting,
      JSON.stringify(oldValue),
      JSON.stringify(newValue),
    ]);
  }

  async listChanges(page: Page): Promise<[SettingChangeEntity[], number]> {
    return this.dataSource.getRepository(SettingChangeEntity).findAndCount({
      order: { changedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }
}
