import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageOf, SettingChange, SettingsStore } from '@helpgate/platform';
import type { SettingDefaultsConfig } from '../config';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { defaultSettings, IdentitySettings, settingSchemas } from './identity-settings';
import { ChangeSettingsDto } from './settings.dto';
import { unknownPlaceholdersIn } from './template';

export const SETTING_DEFAULTS = Symbol('SETTING_DEFAULTS');

/** Identity's changeable settings (libs/platform's `SettingsStore`): applied at once in every instance, every change audited. */
@Injectable()
export class SettingsService {
  private readonly store: SettingsStore<IdentitySettings>;

  constructor(@Inject(SETTING_DEFAULTS) defaultsFromEnvironment: SettingDefaultsConfig, dataSource: DataSource) {
    this.store = new SettingsStore(
      dataSource,
      { values: 'identity_settings', audit: 'identity_settings_audit' },
      settingSchemas,
      defaultSettings(defaultsFromEnvironment),
    );
  }

  current(manager?: EntityManager): Promise<IdentitySettings> {
    return this.store.current(manager);
  }

  change(patch: ChangeSettingsDto, actor: string): Promise<IdentitySettings> {
    if (patch.welcomeTemplate) requireKnownPlaceholders(patch.welcomeTemplate);
    return this.store.change(patch, actor);
  }

  changes(page: Page): Promise<PageOf<SettingChange>> {
    return this.store.changes(page);
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
