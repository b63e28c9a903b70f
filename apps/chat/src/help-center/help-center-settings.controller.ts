import { Body, Controller, Put } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { ApiDescription, ResponseBody, settingsController, ZodValidationPipe } from '@helpgate/platform';
import { changeHelpCenterSettingsSchema, helpCenterSettingsSchema, LogoUploadDto, logoUploadSchema } from './help-center.dto';
import { HelpCenterSettings } from './help-center.settings';
import { HelpCenterService } from './help-center.service';

/** `GET /help-center/settings` (agents), `PATCH /help-center/settings` (admins), `GET /help-center/settings/audit`. */
export const HelpCenterSettingsController = settingsController({
  name: 'HelpCenterSettingsController',
  path: 'help-center/settings',
  service: HelpCenterService,
  response: helpCenterSettingsSchema,
  change: changeHelpCenterSettingsSchema,
  changeDescription:
    'Changes any of the settings. 422 `help_center.unknown_language` for a greeting in a language chat does not work in, `help_center.logo_outside_deployment` for a logo URL not served by the deployment.',
});

/** The logo an admin uploads, stored and served by chat. */
@AdminsOnly()
@Controller('help-center/settings/logo')
export class HelpCenterLogoController {
  constructor(private readonly helpCenter: HelpCenterService) {}

  @Put()
  @ResponseBody(helpCenterSettingsSchema)
  @ApiDescription(
    'Uploads the logo (JSON, base64 as every upload) and makes it the one shown. 422 `help_center.logo_not_an_image` unless a PNG, JPEG, GIF or WebP by its bytes, `help_center.logo_too_large` past 512 KB.',
  )
  upload(
    @Body(new ZodValidationPipe(logoUploadSchema)) body: LogoUploadDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HelpCenterSettings> {
    return this.helpCenter.uploadLogo(body, actorOf(principal));
  }
}
