import { DynamicModule, Module } from '@nestjs/common';
import { ConsoleWebController } from './console-web.controller';
import { ConsoleWebService } from './console-web.service';
import { CONSOLE_WEB_SETTINGS, ConsoleWebSettings } from './console-web.settings';

/** Serves the agent console's browser code (bundled from apps/chat/web/console). */
@Module({})
export class ConsoleWebModule {
  static forRoot(settings: ConsoleWebSettings): DynamicModule {
    return {
      module: ConsoleWebModule,
      controllers: [ConsoleWebController],
      providers: [{ provide: CONSOLE_WEB_SETTINGS, useValue: settings }, ConsoleWebService],
    };
  }
}
