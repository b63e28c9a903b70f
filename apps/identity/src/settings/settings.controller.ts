import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { Page, PageOf, ZodValidationPipe } from '@helpgate/platform';
import { Actor } from './actor.decorator';
import { IdentitySettings } from './identity-settings';
import { auditQuerySchema, ChangeSettingsDto, changeSettingsSchema, SettingChangeResponseDto } from './settings.dto';
import { SettingsService } from './settings.service';

@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  get(): Promise<IdentitySettings> {
    return this.settings.current();
  }

  @Patch()
  change(@Body(new ZodValidationPipe(changeSettingsSchema)) body: ChangeSettingsDto, @Actor() actor: string): Promise<IdentitySettings> {
    return this.settings.change(body, actor);
  }

  @Get('audit')
  audit(@Query(new ZodValidationPipe(auditQuerySchema)) page: Page): Promise<PageOf<SettingChangeResponseDto>> {
    return this.settings.changes(page);
  }
}
