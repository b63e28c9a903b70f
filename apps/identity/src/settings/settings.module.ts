import { DynamicModule, Module } from '@nestjs/common';
import type { SettingDefaultsConfig } from '../config';
import { SettingsController } from './settings.controller';
import { SETTING_DEFAULTS, SettingsService } from './settings.service';

@Module({})
export class SettingsModule {
  static forRoot(defaults: SettingDefaultsConfig): DynamicModule {
    return {
      module: SettingsModule,
      // Global because contacts, inbound mail and welcome mail all decide by the current settings.
      global: true,
      controllers: [SettingsController],
      providers: [{ provide: SETTING_DEFAULTS, useValue: defaults }, SettingsService],
      exports: [SettingsService],
    };
  }
}
