import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { TicketsSettingsService } from '../settings/settings.service';
import type { TicketWork } from '../tickets/ticket-work';
import { categoriesAllowingCallback } from './phone-callback';
import { PhoneCallbacksRepository } from './phone-callbacks.repository';

/** A phone number to call, with the customer's consent to the call being recorded. */
export interface CallbackRequest {
  phone: string;
  recordingConsent: true;
}

/** Phone calls customers ask for instead of a written answer, in the categories the team has not excluded. */
@Injectable()
export class PhoneCallbacksService {
  constructor(
    private readonly settings: TicketsSettingsService,
    private readonly categories: CategoriesService,
    private readonly callbacks: PhoneCallbacksRepository,
  ) {}

  /** The active categories whose tickets may ask for a phone call, for the ticket form. */
  async allowedCategoryIds(): Promise<string[]> {
    const { phoneCallbackExcludedCategoryIds } = await this.settings.current();
    const active = (await this.categories.list({ includeInactive: false })).flatMap((department) => [
      { id: department.id, department: department.name, feature: null },
      ...department.features.map((feature) => ({ id: feature.id, department: department.name, feature: feature.name })),
    ]);
    return categoriesAllowingCallback(active, phoneCallbackExcludedCategoryIds);
  }

  async requireAllowed(categoryId: string): Promise<void> {
    if (!(await this.allowedCategoryIds()).includes(categoryId)) {
      throw new TicketsException(
        TicketsErrorCode.PhoneCallbackUnavailable,
        'This category has no phone support: the team answers it in writing',
      );
    }
  }

  /** Stores the request on the ticket just opened and writes it to the ticket's history (without the number). */
  async record(ticketId: string, request: CallbackRequest, actorContactId: string, work: TicketWork): Promise<void> {
    await this.callbacks.add(ticketId, request.phone, new Date(), work.manager);
    work.record({
      ticketId,
      action: 'callback_requested',
      actorType: 'contact',
      actorId: actorContactId,
      changes: [],
      message: null,
      note: 'The customer asked for a phone call and agreed to its recording',
    });
  }
}
