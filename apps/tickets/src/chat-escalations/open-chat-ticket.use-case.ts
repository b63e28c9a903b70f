import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChatEscalation, IdentityChatRequesterResolvedV1, Requester, TicketActor, Topics } from '@helpgate/contracts';
import type { ChatLinksConfig } from '../config';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { AcknowledgementsService } from '../inbound-mail/acknowledgements.service';
import { requesterMessage } from '../tickets/messages-without-mail';
import { TicketLifecycleService } from '../tickets/ticket-lifecycle.service';
import { TicketTransactionsService } from '../tickets/ticket-transactions.service';
import { TicketWork } from '../tickets/ticket-work';
import { chatAttachments } from './chat-attachments';
import { ChatEscalationTicketsRepository } from './chat-escalation-tickets.repository';
import { CHAT_LINKS } from './chat-links';
import { transcriptText } from './transcript-text';

/**
 * Opens the ticket an escalated conversation becomes, once identity has resolved its requester: channel `chat`, the
 * transcript as the requester's first public message with the conversation's files (kept by chat), through the ticket
 * lifecycle like any new ticket (history, event, automation rules), and acknowledged by mail, where the conversation
 * goes on. One ticket per conversation, however often the escalation arrives.
 */
@Injectable()
export class OpenChatTicketUseCase {
  private readonly logger = new Logger(OpenChatTicketUseCase.name);

  constructor(
    @Inject(CHAT_LINKS) private readonly chat: ChatLinksConfig,
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly directory: ContactDirectoryService,
    private readonly acknowledgements: AcknowledgementsService,
    private readonly escalations: ChatEscalationTicketsRepository,
  ) {}

  /** Resolutions without an escalation only link a conversation to its contact: chat's business, not a ticket's. */
  async execute(event: IdentityChatRequesterResolvedV1): Promise<void> {
    const { conversationId, requester, escalation } = event;
    if (!escalation) return;
    await this.transactions.runOnceEach([event], Topics.IdentityChatRequesterResolved, async (_fresh, work) => {
      const opened = await this.escalations.ticketOf(conversationId, work.manager);
      if (opened) {
        this.logger.log({ conversationId, ticketId: opened }, 'escalated conversation has its ticket already');
        return;
      }
      await this.directory.learnRequesters([event], work.manager);
      const ticketId = await this.open(requester, escalation, work);
      await this.escalations.record(conversationId, ticketId, work.manager);
      this.logger.log({ conversationId, ticketId, reason: escalation.reason }, 'ticket opened from an escalated chat');
    });
  }

  private async open(requester: Requester, escalation: ChatEscalation, work: TicketWork): Promise<string> {
    const escalatingAgent = escalation.reason === 'agent_choice' ? (escalation.agentId ?? null) : null;
    const actor: TicketActor = escalatingAgent ? { type: 'agent', id: escalatingAgent } : { type: 'contact', id: requester.contactId };
    const ticket = await this.lifecycle.open(
      {
        subject: escalation.subject.trim(),
        status: 'new',
        priority: 'normal',
        channel: 'chat',
        requesterContactId: requester.contactId,
        requesterEmail: requester.email,
        requesterName: requester.name,
        organizationId: requester.organizationId,
        organizationName: requester.organizationName,
        categoryId: null,
        assigneeId: null,
        tags: [],
        supportAddress: null,
        linkedTicketId: null,
        linkKind: null,
      },
      requesterMessage(requester, {
        authorName: requester.name,
        authorAgentId: escalatingAgent,
        visibility: 'public',
        direction: 'inbound',
        bodyText: transcriptText(escalation),
        attachments: chatAttachments(escalation.files, this.chat.publicUrl),
      }),
      [],
      actor,
      work,
    );
    await this.acknowledgements.sendFromDefaultAddress(ticket, requester, work);
    return ticket.id;
  }
}
