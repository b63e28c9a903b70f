import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, PageOf } from '@helpgate/platform';
import type { SettingDefaultsConfig } from '../config';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { defaultSettings, IdentitySettings, isSettingName, SettingName, settingNames, settingSchemas } from './identity-settings';
import { ChangeSettingsDto, SettingChangeResponseDto } from './settings.dto';
import { SettingsRepository } from './settings.repository';
import { unknownPlaceholdersIn } from './template';

export const SETTING_DEFAULTS = Symbol('SETTING_DEFAULTS');

/**
 * Identity's changeable settings. Read from the database on every use (one small query), so a change
 * applies at once in every instance; every change is audited with who made it and what it replaced.
 */
@Injectable()
export class SettingsService {
  private readonly logger = new Logger(SettingsService.name);
  private readonly defaults: IdentitySettings;

  constructor(
    @Inject(SETTING_DEFAULTS) defaultsFromEnvironment: SettingDefaultsConfig,
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
  ) {
    this.defaults = defaultSettings(defaultsFromEnvironment);
  }

  async current(manager?: EntityManager): Promise<IdentitySettings> {
    const current = { ...this.defaults };
    for (const { key, value } of await this.settings.readStored(manager)) {
      if (isSettingName(key)) this.apply(current, key, value);
    }
    return current;
  }

  async change(patch: ChangeSettingsDto, actor: string): Promise<IdentitySettings> {
    if (patch.welcomeTemplate) requireKnownPlaceholders(patch.welcomeTemplate);
    const changed: SettingName[] = [];
    const settings = await this.dataSource.transaction(async (manager) => {
      await this.settings.lockForChange(manager);
      const current = await this.current(manager);
      for (const name of settingNames.filter((key) => patch[key] !== undefined)) {
        const [oldValue, newValue] = [current[name], patch[name]];
        if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
        await this.settings.write(name, newValue, manager);
        await this.settings.recordChange({ actor, setting: name, oldValue, newValue }, manager);
        changed.push(name);
      }
      return this.current(manager);
    });
    this.logger.log({ settings: changed }, 'identity settings changed');
    return settings;
  }

  async changes(page: Page): Promise<PageOf<SettingChangeResponseDto>> {
    const [entries, total] = await this.settings.listChanges(page);
    const items = entries.map(({ id, actor, setting, oldValue, newValue, changedAt }) => ({
      id,
      actor,
      setting,
      oldValue,
      newValue,
      changedAt: changedAt.toISOString(),
    }));
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** A stored value that no longer validates (an older format) leaves the default in place rather than failing every use. */
  private apply<Name extends SettingName>(settings: IdentitySettings, name: Name, stored: unknown): void {
    const parsed = settingSchemas[name].safeParse(stored);
    if (parsed.success) settings[name] = parsed.data as IdentitySettings[Name];
    else this.logger.warn({ setting: name }, 'stored setting is invalid: its default applies');
  }
}

function requireKnownPlaceholders(template: IdentitySettings['welcomeTemplate']): void {
  const unknown = unknownPlaceholdersIn(`${template.subject}\n${template.body}`);
  if (unknown.length > 0) {
    throw new IdentityException(
      IdentityErrorCode.UnknownTemplatePlaceholder,
      `The template uses unknown placeholders: ${unknown.map((name) => `{{${name}}}`).join(', ')}`,
    );
  }
}
