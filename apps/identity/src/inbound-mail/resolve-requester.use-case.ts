import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailInboundReceivedV2, Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import { ContactsRepository } from '../contacts/contacts.repository';
import { normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { RequesterResolution, resolutionWork } from '../requesters/requester-resolution';
import { UnknownSendersService } from '../unknown-senders/unknown-senders.service';
import { requesterResolvedEvent } from './requester-resolved';

/** An inbound mail and its sender's normalized address. */
interface SenderMail {
  event: EmailInboundReceivedV2;
  email: string;
}

/**
 * Finds the contact behind an inbound mail, creating it (in the organization the sender's domain belongs to,
 * else "Unassigned") when the sender is new, and tells the ticket side who the requester is. While contacts
 * are not created automatically, mail from a new sender is held for an agent instead.
 */
@Injectable()
export class ResolveRequesterUseCase {
  private readonly logger = new Logger(ResolveRequesterUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly resolution: RequesterResolution,
    private readonly unknownSenders: UnknownSendersService,
  ) {}

  /**
   * Resolves the requesters of a batch of mails (one partition's, in offset order) in one transaction, with a
   * few statements for the whole batch; a new sender's contact is created by its first mail that may create it.
   * Throws, committing nothing, when a mail that is not automated has no valid sender address.
   */
  async execute(events: readonly EmailInboundReceivedV2[]): Promise<void> {
    const senders = new Map<string, string>();
    for (const event of events) {
      const email = this.senderOf(event);
      if (email) senders.set(event.eventId, email);
    }
    const addressed = events.filter((event) => senders.has(event.eventId));
    if (addressed.length === 0) return;
    await this.events.runOnceEach(addressed, Topics.EmailInboundReceived, async (fresh, manager, outbox) => {
      await this.resolve(
        fresh.map((event) => ({ event, email: senders.get(event.eventId)! })),
        manager,
        outbox,
      );
    });
  }

  /** The normalized sender address; null for automated mail without one, which makes no contact. */
  private senderOf(event: EmailInboundReceivedV2): string | null {
    const email = normalizeEmail(event.mail.from.address);
    if (email) return email;
    if (!event.mail.isAutomated) {
      throw new IdentityException(IdentityErrorCode.InvalidEmail, 'The sender of the inbound mail has no valid address');
    }
    this.logger.log({ inboundMessageId: event.mail.inboundMessageId }, 'automated mail without a sender address: no contact');
    return null;
  }

  private async resolve(received: readonly SenderMail[], manager: EntityManager, outbox: Outbox): Promise<void> {
    const mails = await this.withoutMailOfErasedContacts(received, manager);
    const work = resolutionWork(manager, outbox);
    const contacts = await this.resolution.contactsOf(
      mails.map(({ event, email }) => ({ email, name: event.mail.from.name, mayCreate: !event.mail.isAutomated })),
      'email',
      work,
    );
    const seen = new Set<string>();
    for (const [index, mail] of mails.entries()) {
      const contact = contacts[index];
      if (!contact) {
        await this.leaveUnresolved(mail, manager);
        continue;
      }
      seen.add(contact.id);
      work.activities.push({
        contactId: contact.id,
        activity: { kind: 'mail_received', details: { inboundMessageId: mail.event.mail.inboundMessageId } },
      });
      work.events.push({
        topic: Topics.IdentityRequesterResolved,
        key: contact.id,
        event: requesterResolvedEvent(mail.event.mail, contact, mail.email),
      });
    }
    if (seen.size > 0) await this.contacts.markSeen([...seen], manager);
    await this.resolution.finish(work);
  }

  /**
   * Leaves out mail received from an address before the contact that had it was erased: handled now, it would make
   * the erased person a contact again (the address is free). Mail received after the erasure is a newcomer's. The
   * address locks are those the erasure takes, so a mail handled while its sender is erased sees the erasure.
   */
  private async withoutMailOfErasedContacts(mails: readonly SenderMail[], manager: EntityManager): Promise<SenderMail[]> {
    const addresses = mails.map(({ email }) => email);
    await this.contacts.lockAddresses(addresses, manager);
    const erasures = await this.contacts.erasuresOf(addresses, manager);
    return mails.filter(({ event, email }) => {
      const erasedAt = erasures.get(email);
      if (!erasedAt || Date.parse(event.mail.receivedAt) > erasedAt.getTime()) return true;
      this.logger.log({ inboundMessageId: event.mail.inboundMessageId }, 'mail received before its sender was erased; no contact');
      return false;
    });
  }

  /** A mail of a new sender that has no contact: automated mail makes none; other mail waits for an agent. */
  private async leaveUnresolved(mail: SenderMail, manager: EntityManager): Promise<void> {
    if (mail.event.mail.isAutomated) {
      // Auto-replies and bounces from unknown addresses must not create contacts (nor tickets).
      this.logger.log(
        { inboundMessageId: mail.event.mail.inboundMessageId },
        'automated mail from an unknown sender not turned into a contact',
      );
      return;
    }
    await this.unknownSenders.hold(mail.event, mail.email, manager);
  }
}
