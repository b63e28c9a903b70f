import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { TicketsCustomerSuccessSubmittedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactsRepository } from '../contacts/contacts.repository';
import { normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { requesterFor } from '../requesters/requester';
import { RequesterResolution, resolutionWork } from '../requesters/requester-resolution';

/**
 * Finds the contact of the address a customer gave on the "contact customer success" form by the rules mail follows
 * (the contact owning the address, else one created while contacts are created automatically, placed by its domain)
 * and answers `identity.customer-success-requester.resolved.v1` with the request, once per event, for tickets to open
 * the ticket. An unknown address while contacts are not created automatically is refused, so dead-lettered and never
 * lost: an agent creates the contact, then replays it.
 */
@Injectable()
export class ResolveCustomerSuccessRequesterUseCase {
  private readonly logger = new Logger(ResolveCustomerSuccessRequesterUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly resolution: RequesterResolution,
    private readonly contacts: ContactsRepository,
  ) {}

  async execute({ eventId, request }: TicketsCustomerSuccessSubmittedV1): Promise<void> {
    const email = normalizeEmail(request.email);
    if (!email) throw new IdentityException(IdentityErrorCode.InvalidEmail, 'The address of the request is not an email address');
    await this.events.runOnce({ eventId }, Topics.TicketsCustomerSuccessSubmitted, async (manager, outbox) => {
      const work = resolutionWork(manager, outbox);
      const [contact] = await this.resolution.contactsOf([{ email, name: request.name ?? undefined, mayCreate: true }], 'web', work);
      if (!contact) {
        throw new IdentityException(
          IdentityErrorCode.CustomerSuccessRequesterUnknown,
          'The address is no contact and contacts are not created automatically: create the contact, then replay the request',
        );
      }
      work.events.push({
        topic: Topics.IdentityCustomerSuccessRequesterResolved,
        key: request.submissionId,
        event: { eventId: randomUUID(), occurredAt: new Date().toISOString(), request, requester: requesterFor(contact, email) },
      });
      await this.contacts.markSeen([contact.id], manager);
      await this.resolution.finish(work);
      this.logger.log({ submissionId: request.submissionId, contactId: contact.id }, 'customer-success request resolved to a contact');
    });
  }
}
