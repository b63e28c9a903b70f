import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { Page, PageOf, ZodValidationPipe } from '@helpgate/platform';
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

  @AdminsOnly()
  @Patch()
  change(
    @Body(new ZodValidationPipe(changeSettingsSchema)) body: ChangeSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IdentitySettings> {
    return this.settings.change(body, actorOf(principal));
  }

  @Get('audit')
  audit(@Query(new ZodValidationPipe(auditQuerySchema)) page: Page): Promise<PageOf<SettingChangeResponseDto>> {
    return this.settings.changes(page);
  }
}
