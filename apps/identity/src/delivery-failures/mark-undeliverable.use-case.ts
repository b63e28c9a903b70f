import { Injectable, Logger } from '@nestjs/common';
import { EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactsRepository } from '../contacts/contacts.repository';
import { normalizeEmail } from '../domain/email-address';
import { meansAddressIsBad } from './domain-bounce';

/** A permanent "no such mailbox" for mail to a contact marks that address undeliverable on the profile. */
@Injectable()
export class MarkUndeliverableUseCase {
  private readonly logger = new Logger(MarkUndeliverableUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
  ) {}

  async execute(event: EmailOutboundFailedV1): Promise<void> {
    if (!event.contactId || !meansAddressIsBad(event)) return;
    const contactId = event.contactId;
    const emails = event.recipients.map(normalizeEmail).filter((email): email is string => email !== null);
    await this.events.runOnce(event, Topics.EmailOutboundFailed, async (manager) => {
      const marked = await this.contacts.markUndeliverable(contactId, emails, `${event.status} ${event.error}`.slice(0, 500), manager);
      if (marked > 0) this.logger.warn({ contactId, status: event.status }, 'contact address marked undeliverable');
    });
  }
}
