import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailInboundReceivedV2, emailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import type { Page, PageOf } from '@helpgate/platform';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactActivitiesRepository } from '../contacts/contact-activities.repository';
import { ContactsRepository } from '../contacts/contacts.repository';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { requesterResolvedEvent } from '../inbound-mail/requester-resolved';
import { AcceptedUnknownSenderResponseDto, UnknownSenderMailResponseDto } from './unknown-sender.dto';
import { UnknownSendersRepository } from './unknown-senders.repository';

/**
 * Mail from unknown senders while contacts are not created automatically: held, listed for agents, and
 * resolved once an agent has created the contact, so no such mail is silently lost.
 */
@Injectable()
export class UnknownSendersService {
  private readonly logger = new Logger(UnknownSendersService.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly held: UnknownSendersRepository,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
  ) {}

  async hold(event: EmailInboundReceivedV2, sender: string, manager: EntityManager): Promise<void> {
    await this.held.hold(event, sender, manager);
    this.logger.log({ inboundMessageId: event.mail.inboundMessageId }, 'mail from an unknown sender held for an agent');
  }

  async list(page: Page): Promise<PageOf<UnknownSenderMailResponseDto>> {
    const [mails, total] = await this.held.list(page);
    const items = mails.map(({ inboundMessageId, sender, subject, receivedAt }) => ({
      inboundMessageId,
      sender,
      subject,
      receivedAt: receivedAt.toISOString(),
    }));
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async accept(inboundMessageId: string): Promise<AcceptedUnknownSenderResponseDto> {
    const contactId = await this.events.run(async (manager, outbox) => {
      const held = await this.held.lock(inboundMessageId, manager);
      if (!held) throw heldMailNotFound(inboundMessageId);
      const contact = await this.requireContact(held.sender, manager);
      await this.contacts.markSeen([contact.id], manager);
      await this.activities.record(contact.id, { kind: 'mail_received', details: { inboundMessageId } }, manager);
      const { mail } = emailInboundReceivedV2.parse(held.event);
      await outbox.add(Topics.IdentityRequesterResolved, contact.id, requesterResolvedEvent(mail, contact, held.sender));
      await this.held.release(inboundMessageId, manager);
      return contact.id;
    });
    this.logger.log({ inboundMessageId, contactId }, 'held mail resolved to a contact created by an agent');
    return { inboundMessageId, contactId };
  }

  async reject(inboundMessageId: string): Promise<void> {
    await this.events.run(async (manager) => {
      if (!(await this.held.lock(inboundMessageId, manager))) throw heldMailNotFound(inboundMessageId);
      await this.held.release(inboundMessageId, manager);
    });
    this.logger.log({ inboundMessageId }, 'held mail from an unknown sender rejected by an agent');
  }

  private async requireContact(email: string, manager: EntityManager): Promise<ContactEntity> {
    await this.contacts.lockAddress(email, manager);
    const contact = await this.contacts.findByEmail(email, manager);
    if (!contact) {
      throw new IdentityException(IdentityErrorCode.UnknownSenderStillUnknown, 'No contact has the sender address yet; create it first');
    }
    return contact;
  }
}

function heldMailNotFound(inboundMessageId: string): IdentityException {
  return new IdentityException(IdentityErrorCode.UnknownSenderMailNotFound, `No held mail ${inboundMessageId}`);
}
