import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, PageOf, SettingChange, SettingsStore } from '@helpgate/platform';
import { CategoriesService } from '../categories/categories.service';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { ChangeTicketsSettingsDto } from './settings.dto';
import { defaultTicketsSettings, TicketsSettings, ticketsSettingSchemas, ticketsSettingsTables } from './tickets-settings';

/** Tickets' changeable settings (libs/platform's `SettingsStore`): applied at once in every instance, every change audited. */
@Injectable()
export class TicketsSettingsService {
  private readonly store: SettingsStore<TicketsSettings>;

  constructor(
    dataSource: DataSource,
    private readonly categories: CategoriesService,
  ) {
    this.store = new SettingsStore(dataSource, ticketsSettingsTables, ticketsSettingSchemas, defaultTicketsSettings);
  }

  current(): Promise<TicketsSettings> {
    return this.store.current();
  }

  async change(patch: ChangeTicketsSettingsDto, actor: string): Promise<TicketsSettings> {
    if (patch.phoneCallbackExcludedCategoryIds) await this.categories.requireExisting(patch.phoneCallbackExcludedCategoryIds);
    if (patch.customerSuccessForm) {
      const { enabled, categoryId } = patch.customerSuccessForm;
      if (enabled && !categoryId) {
        throw new TicketsException(
          TicketsErrorCode.CustomerSuccessCategoryRequired,
          'The customer-success form needs the category its tickets get before it can be enabled',
        );
      }
      if (categoryId) await this.categories.requireExisting([categoryId]);
    }
    return this.store.change(patch, actor);
  }

  changes(page: Page): Promise<PageOf<SettingChange>> {
    return this.store.changes(page);
  }
}
