import { Body, Controller, Get, Patch, Put, Query } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import {
  ApiDescription,
  Page,
  PageOf,
  pageOf,
  ResponseBody,
  SettingChange,
  settingChangeResponseSchema,
  settingsAuditQuerySchema,
  ZodValidationPipe,
} from '@helpgate/platform';
import {
  ChangeHelpCenterSettingsDto,
  changeHelpCenterSettingsSchema,
  helpCenterSettingsSchema,
  LogoUploadDto,
  logoUploadSchema,
} from './help-center.dto';
import { HelpCenterSettings } from './help-center.settings';
import { HelpCenterService } from './help-center.service';

/** The help center's appearance and links: every agent reads them, admins change them, every change is audited. */
@Controller('help-center/settings')
export class HelpCenterSettingsController {
  constructor(private readonly helpCenter: HelpCenterService) {}

  @Get()
  @ResponseBody(helpCenterSettingsSchema)
  get(): Promise<HelpCenterSettings> {
    return this.helpCenter.current();
  }

  @AdminsOnly()
  @Patch()
  @ResponseBody(helpCenterSettingsSchema)
  @ApiDescription(
    'Changes any of the settings. 422 `help_center.unknown_language` for a greeting in a language chat does not work in, `help_center.logo_outside_deployment` for a logo URL not served by the deployment.',
  )
  change(
    @Body(new ZodValidationPipe(changeHelpCenterSettingsSchema)) body: ChangeHelpCenterSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HelpCenterSettings> {
    return this.helpCenter.change(body, actorOf(principal));
  }

  @AdminsOnly()
  @Put('logo')
  @ResponseBody(helpCenterSettingsSchema)
  @ApiDescription(
    'Uploads the logo (JSON, base64 as every upload) and makes it the one shown. 422 `help_center.logo_not_an_image` unless a PNG, JPEG, GIF or WebP by its bytes, `help_center.logo_too_large` past 512 KB.',
  )
  uploadLogo(
    @Body(new ZodValidationPipe(logoUploadSchema)) body: LogoUploadDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HelpCenterSettings> {
    return this.helpCenter.uploadLogo(body, actorOf(principal));
  }

  @Get('audit')
  @ResponseBody(pageOf(settingChangeResponseSchema))
  audit(@Query(new ZodValidationPipe(settingsAuditQuerySchema)) page: Page): Promise<PageOf<SettingChange>> {
    return this.helpCenter.changes(page);
  }
}
