import { DynamicModule, Module } from '@nestjs/common';
import { HelpCenterWebController } from './help-center-web.controller';
import { HelpCenterWebService } from './help-center-web.service';
import { HELP_CENTER_WEB_SETTINGS, HelpCenterWebSettings } from './help-center-web.settings';

/**
 * Serves the help center's browser code (bundled from apps/chat/web/help-center) and the demo site; `helpCenter` is the
 * help-center module chat runs, whose appearance settings the loader carries.
 */
@Module({})
export class HelpCenterWebModule {
  static forRoot(settings: HelpCenterWebSettings, helpCenter: DynamicModule): DynamicModule {
    return {
      module: HelpCenterWebModule,
      imports: [helpCenter],
      controllers: [HelpCenterWebController],
      providers: [{ provide: HELP_CENTER_WEB_SETTINGS, useValue: settings }, HelpCenterWebService],
    };
  }
}
