import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import {
  Page,
  PageOf,
  pageOf,
  ResponseBody,
  SettingChange,
  settingChangeResponseSchema,
  settingsAuditQuerySchema,
  ZodValidationPipe,
} from '@helpgate/platform';
import { IdentitySettings } from './identity-settings';
import { ChangeSettingsDto, changeSettingsSchema, identitySettingsResponseSchema } from './settings.dto';
import { SettingsService } from './settings.service';

@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ResponseBody(identitySettingsResponseSchema)
  get(): Promise<IdentitySettings> {
    return this.settings.current();
  }

  @AdminsOnly()
  @Patch()
  @ResponseBody(identitySettingsResponseSchema)
  change(
    @Body(new ZodValidationPipe(changeSettingsSchema)) body: ChangeSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IdentitySettings> {
    return this.settings.change(body, actorOf(principal));
  }

  @Get('audit')
  @ResponseBody(pageOf(settingChangeResponseSchema))
  audit(@Query(new ZodValidationPipe(settingsAuditQuerySchema)) page: Page): Promise<PageOf<SettingChange>> {
    return this.settings.changes(page);
  }
}
