import { Body, Controller, Get, Inject, Patch, Query, Type } from '@nestjs/common';
import { z } from 'zod';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { ApiDescription, ResponseBody } from '../openapi/api-document.decorators';
import { Page, PageOf, pageOf } from '../pagination';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { settingChangeResponseSchema, settingsAuditQuerySchema } from './settings-api';
import type { SettingChange } from './settings-store';

/** What a service's settings feature offers its settings API (usually through a `SettingsStore`). */
export interface SettingsApi<Settings, Patch> {
  current(): Promise<Settings>;
  change(patch: Patch, actor: string): Promise<Settings>;
  changes(page: Page): Promise<PageOf<SettingChange>>;
}

export interface SettingsControllerOptions<Settings, Patch> {
  /** The class name, which the API document tags the routes with. */
  name: string;
  path: string;
  service: Type<SettingsApi<Settings, Patch>>;
  /** The settings as they are answered. */
  response: z.ZodType<Settings>;
  /** The body of a change, usually `changeSettingsSchema(schemas)`. */
  change: z.ZodType<Patch>;
  /** The domain refusals of a change, for the API document. */
  changeDescription: string;
}

/**
 * The settings API every service with changeable settings has: every agent reads them and their audit, admins change
 * them, every change is audited with who made it (`agent:<id>`).
 */
export function settingsController<Settings, Patch>(options: SettingsControllerOptions<Settings, Patch>): Type {
  @Controller(options.path)
  class ServiceSettingsController {
    constructor(@Inject(options.service) private readonly settings: SettingsApi<Settings, Patch>) {}

    @Get()
    @ResponseBody(options.response)
    get(): Promise<Settings> {
      return this.settings.current();
    }

    @AdminsOnly()
    @Patch()
    @ResponseBody(options.response)
    @ApiDescription(options.changeDescription)
    change(@Body(new ZodValidationPipe(options.change)) body: Patch, @CurrentPrincipal() principal: Principal): Promise<Settings> {
      return this.settings.change(body, actorOf(principal));
    }

    @Get('audit')
    @ResponseBody(pageOf(settingChangeResponseSchema))
    @ApiDescription('Every change, the newest first, with who made it and the values before and after.')
    audit(@Query(new ZodValidationPipe(settingsAuditQuerySchema)) page: Page): Promise<PageOf<SettingChange>> {
      return this.settings.changes(page);
    }
  }
  Object.defineProperty(ServiceSettingsController, 'name', { value: options.name });
  return ServiceSettingsController;
}
