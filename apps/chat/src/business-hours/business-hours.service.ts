import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageOf, SettingChange, SettingsStore } from '@helpgate/platform';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { BusinessHours, parseBusinessHours } from './business-hours';
import { BusinessHoursSettings, businessHoursSettingSchemas, ChangeBusinessHoursDto } from './business-hours-settings';

/**
 * When people answer chats: the configuration's hours (`CHAT_BUSINESS_HOURS`, `CHAT_TIME_ZONE`, `CHAT_HOLIDAYS`) until
 * an admin changes them; changes are stored and audited, and every instance decides by them from the next handoff on.
 */
@Injectable()
export class BusinessHoursService {
  private readonly settings: SettingsStore<BusinessHoursSettings>;

  constructor(dataSource: DataSource, @Inject(CHAT_SETTINGS) chatSettings: ChatSettings) {
    this.settings = new SettingsStore<BusinessHoursSettings>(
      dataSource,
      { values: 'business_hours_settings', audit: 'business_hours_settings_audit' },
      businessHoursSettingSchemas,
      chatSettings.defaultBusinessHours,
    );
  }

  current(): Promise<BusinessHoursSettings> {
    return this.settings.current();
  }

  change(patch: ChangeBusinessHoursDto, actor: string): Promise<BusinessHoursSettings> {
    return this.settings.change(patch, actor);
  }

  changes(page: Page): Promise<PageOf<SettingChange>> {
    return this.settings.changes(page);
  }

  /** The hours as they stand, read within the caller's transaction (every stored part was validated when read). */
  async hours(manager: EntityManager): Promise<BusinessHours> {
    return parseBusinessHours(await this.settings.current(manager));
  }
}
