import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { CategoriesService } from '../categories/categories.service';
import type { CustomerSuccessLimitsConfig } from '../config';
import { priorityDefinitions } from '../domain/priorities';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { TicketsSettingsService } from '../settings/settings.service';
import {
  CustomerSuccessFormDto,
  CustomerSuccessReceiptDto,
  CustomerSuccessSubmissionDto,
  maxCustomerSuccessMessageChars,
} from './customer-success.dto';
import { CUSTOMER_SUCCESS_LIMITS } from './customer-success-limits';
import { CustomerSuccessRepository } from './customer-success.repository';
import { OfferedCategory, offeredCategories } from './offered-categories';

/**
 * The "contact customer success" form, where the team enables it: a request from anyone (signed in or not), within the
 * limits per address and per client, is kept and handed to identity to find its requester by the rules mail follows;
 * the ticket is opened when identity answers (`OpenCustomerSuccessTicketUseCase`).
 */
@Injectable()
export class CustomerSuccessService {
  private readonly logger = new Logger(CustomerSuccessService.name);

  constructor(
    @Inject(CUSTOMER_SUCCESS_LIMITS) private readonly limits: CustomerSuccessLimitsConfig,
    private readonly events: TransactionalEvents,
    private readonly settings: TicketsSettingsService,
    private readonly categories: CategoriesService,
    private readonly submissions: CustomerSuccessRepository,
  ) {}

  async form(): Promise<CustomerSuccessFormDto> {
    const { enabled, categories } = await this.offer();
    return { enabled, categories, priorities: [...priorityDefinitions], maxMessageChars: maxCustomerSuccessMessageChars };
  }

  async submit(input: CustomerSuccessSubmissionDto, clientAddress: string | null): Promise<CustomerSuccessReceiptDto> {
    const { enabled, categories } = await this.offer();
    if (!enabled || categories.length === 0) {
      throw new TicketsException(TicketsErrorCode.CustomerSuccessFormDisabled, 'The team does not take requests through this form');
    }
    const categoryId = input.categoryId ?? categories[0]!.id;
    if (!categories.some((category) => category.id === categoryId)) {
      throw new TicketsException(
        TicketsErrorCode.CustomerSuccessCategoryNotOffered,
        `The form offers the categories ${categories.map((category) => category.path).join(', ')}`,
      );
    }
    const submission = { id: randomUUID(), email: input.email.toLowerCase(), clientAddress, submittedAt: new Date() };
    await this.events.run(async (manager, outbox) => {
      await this.submissions.lockAddress(submission.email, manager);
      const since = new Date(submission.submittedAt.getTime() - this.limits.windowSeconds * 1000);
      const byAddress = await this.submissions.countSince(since, { email: submission.email }, manager);
      const byClient = clientAddress ? await this.submissions.countSince(since, { clientAddress }, manager) : 0;
      if (byAddress >= this.limits.maxPerAddress || byClient >= this.limits.maxPerClient) {
        throw new TicketsException(
          TicketsErrorCode.CustomerSuccessTooManyRequests,
          'Too many requests from this address: try again later, or write to the support address',
          { retryAfterSeconds: this.limits.windowSeconds },
        );
      }
      await this.submissions.add(submission, manager);
      await outbox.add(Topics.TicketsCustomerSuccessSubmitted, submission.email, {
        eventId: randomUUID(),
        occurredAt: submission.submittedAt.toISOString(),
        request: {
          submissionId: submission.id,
          email: submission.email,
          name: input.name ?? null,
          categoryId,
          priority: input.priority,
          message: input.message,
          submittedAt: submission.submittedAt.toISOString(),
        },
      });
    });
    this.logger.log({ submissionId: submission.id, categoryId }, 'customer-success request received');
    return { submissionId: submission.id, status: 'received' };
  }

  private async offer(): Promise<{ enabled: boolean; categories: OfferedCategory[] }> {
    const { customerSuccessForm } = await this.settings.current();
    const categories = offeredCategories(await this.categories.list({ includeInactive: false }), customerSuccessForm.categoryId);
    return { enabled: customerSuccessForm.enabled && categories.length > 0, categories };
  }
}
