import { Injectable, Logger } from '@nestjs/common';
import {
  ChatConversationEscalatedV1,
  ChatEscalation,
  ChatVisitor,
  ChatVisitorIdentifiedV1,
  Topics,
} from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { primaryAddressOf } from '../contacts/contact-changed';
import { ContactsRepository, ContactSummary } from '../contacts/contacts.repository';
import { normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { RequesterResolution, ResolutionWork, resolutionWork } from '../requesters/requester-resolution';
import { chatRequesterResolvedEvent } from './chat-requester-resolved';

/** A chat event naming a visitor identity is to find the contact of. */
interface VisitorEvent {
  eventId: string;
  conversationId: string;
  visitor: ChatVisitor;
}

type VisitorTopic = typeof Topics.ChatVisitorIdentified | typeof Topics.ChatConversationEscalated;

/** The contact a visitor is, and the address it is known by for the conversation. */
interface VisitorContact {
  contact: ContactSummary;
  email: string;
}

/**
 * Finds the contact behind a chat visitor by the rules mail follows (a signed-in visitor's contact first; else the
 * contact owning its address, or one created while contacts are created automatically, placed by its domain) and
 * answers `identity.chat-requester.resolved.v1`, once per event. For an escalation the answer carries the escalation
 * on to tickets, and the contact's timeline records it.
 */
@Injectable()
export class ResolveChatRequesterUseCase {
  private readonly logger = new Logger(ResolveChatRequesterUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly resolution: RequesterResolution,
    private readonly contacts: ContactsRepository,
  ) {}

  /** A visitor gave an address. A visitor who is no contact and cannot become one (auto-creation off) gets no answer. */
  async identified(event: ChatVisitorIdentifiedV1): Promise<void> {
    await this.resolve(event, Topics.ChatVisitorIdentified);
  }

  /**
   * A conversation is to become a ticket. Refused (so dead-lettered, never lost) when its visitor is no contact and
   * none can be made: no address and no contact given, or an unknown address while contacts are not created
   * automatically.
   */
  async escalated(event: ChatConversationEscalatedV1): Promise<void> {
    if (!event.visitor.contactId && !event.visitor.email) {
      throw new IdentityException(
        IdentityErrorCode.ChatVisitorUnidentified,
        'An escalated conversation needs the visitor’s address or contact id: chat must ask for an address first',
      );
    }
    await this.resolve(event, Topics.ChatConversationEscalated, event.escalation);
  }

  private async resolve({ eventId, conversationId, visitor }: VisitorEvent, topic: VisitorTopic, escalation?: ChatEscalation): Promise<void> {
    const email = visitor.email === undefined ? null : requireAddress(visitor.email);
    await this.events.runOnce({ eventId }, topic, async (manager, outbox) => {
      const work = resolutionWork(manager, outbox);
      const found = await this.contactOf(visitor, email, work);
      if (!found) {
        if (escalation) {
          throw new IdentityException(
            IdentityErrorCode.ChatVisitorUnknown,
            'The visitor is no contact and contacts are not created automatically: create the contact, then replay the escalation',
          );
        }
        this.logger.log({ conversationId }, 'chat visitor is no contact and contacts are not created automatically: not linked');
        return;
      }
      const { contact } = found;
      if (escalation) {
        work.activities.push({
          contactId: contact.id,
          activity: { kind: 'chat_escalated', details: { conversationId, reason: escalation.reason } },
        });
      }
      work.events.push({
        topic: Topics.IdentityChatRequesterResolved,
        key: conversationId,
        event: chatRequesterResolvedEvent({ conversationId, visitorId: visitor.visitorId, ...found, escalation }),
      });
      await this.contacts.markSeen([contact.id], manager);
      await this.resolution.finish(work);
      this.logger.log({ conversationId, contactId: contact.id, escalated: Boolean(escalation) }, 'chat visitor resolved to a contact');
    });
  }

  /** A signed-in visitor's own contact wins; else the contact of its address, found or created as for mail. */
  private async contactOf(visitor: ChatVisitor, email: string | null, work: ResolutionWork): Promise<VisitorContact | null> {
    const signedIn = visitor.contactId ? await this.resolution.contactById(visitor.contactId, work.manager) : null;
    if (signedIn) {
      const given = email && signedIn.emails.some((address) => address.email === email);
      return { contact: signedIn, email: given ? email : primaryAddressOf(signedIn) };
    }
    if (!email) return null;
    const [contact] = await this.resolution.contactsOf([{ email, name: visitor.name, mayCreate: true }], 'chat', work);
    return contact ? { contact, email } : null;
  }
}

function requireAddress(raw: string): string {
  const email = normalizeEmail(raw);
  if (!email) throw new IdentityException(IdentityErrorCode.InvalidEmail, 'The visitor’s address is not an email address');
  return email;
}
