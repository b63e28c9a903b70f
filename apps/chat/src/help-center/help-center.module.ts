import { DynamicModule, Module } from '@nestjs/common';
import { HelpCenter1764000000950 } from '../migrations/1764000000950-help-center';
import { HelpCenterController } from './help-center.controller';
import { HelpCenterLogosRepository } from './help-center-logos.repository';
import { HelpCenterService } from './help-center.service';
import { HELP_CENTER_CONFIG, HelpCenterConfig } from './help-center.settings';
import { HelpCenterLogoController, HelpCenterSettingsController } from './help-center-settings.controller';

/** What the help center adds to chat's database. */
export const helpCenterSchema = { entities: [], migrations: [HelpCenter1764000000950] };

/** The help-center panel's appearance, links and features: settings admins change, a public configuration the panel reads. */
@Module({})
export class HelpCenterModule {
  static forRoot(config: HelpCenterConfig): DynamicModule {
    return {
      module: HelpCenterModule,
      controllers: [HelpCenterController, HelpCenterSettingsController, HelpCenterLogoController],
      providers: [{ provide: HELP_CENTER_CONFIG, useValue: config }, HelpCenterLogosRepository, HelpCenterService],
      exports: [HelpCenterService],
    };
  }
}
