import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
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
import { ChangeTicketsSettingsDto, changeTicketsSettingsSchema, ticketsSettingsResponseSchema } from './settings.dto';
import { TicketsSettingsService } from './settings.service';
import { TicketsSettings } from './tickets-settings';

/** Tickets' settings: every agent reads them, admins change them, every change is audited. */
@Controller('settings')
export class TicketsSettingsController {
  constructor(private readonly settings: TicketsSettingsService) {}

  @Get()
  @ResponseBody(ticketsSettingsResponseSchema)
  get(): Promise<TicketsSettings> {
    return this.settings.current();
  }

  @AdminsOnly()
  @Patch()
  @ResponseBody(ticketsSettingsResponseSchema)
  @ApiDescription(
    'Changes any of the settings. 422 `ticket.unknown_category` for a category that does not exist, `settings.customer_success_category_required` to enable the customer-success form without its category.',
  )
  change(
    @Body(new ZodValidationPipe(changeTicketsSettingsSchema)) body: ChangeTicketsSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TicketsSettings> {
    return this.settings.change(body, actorOf(principal));
  }

  @Get('audit')
  @ResponseBody(pageOf(settingChangeResponseSchema))
  audit(@Query(new ZodValidationPipe(settingsAuditQuerySchema)) page: Page): Promise<PageOf<SettingChange>> {
    return this.settings.changes(page);
  }
}
