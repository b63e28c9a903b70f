import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChatEscalationReason, Topics } from '@helpgate/contracts';
import { AI_AGENT, AiAgent } from '../ai-agent/ai-agent';
import { AiConversations } from '../ai-agent/ai-conversations.service';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { isEnded } from '../conversations/conversation-state';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationViews } from '../conversations/conversation-views';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { ConversationEndings } from '../escalations/conversation-endings';
import { MessagePosting, tellParticipants } from '../messages/message-posting';
import { MessagesRepository } from '../messages/messages.repository';
import { ChatMetrics } from '../metrics/chat-metrics';
import type { ConversationView, MessageView, VisitorEvent } from '../protocol/protocol';
import { HandoffService } from '../queue/handoff.service';
import { ChatNotifier } from '../realtime/chat-notifier';
import { ChatTransaction, ChatTransactions } from '../realtime/chat-transactions';
import { RatingsRepository } from '../ratings/ratings.repository';
import type { VisitorSession } from '../visitors/visitor-authentication';
import { VisitorsRepository } from '../visitors/visitors.repository';

/** What a visitor does: start and list conversations, send, resume, ask for a person, identify, close and rate. */
@Injectable()
export class VisitorChatService {
  private readonly logger = new Logger(VisitorChatService.name);

  constructor(
    private readonly transactions: ChatTransactions,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly visitors: VisitorsRepository,
    private readonly ratings: RatingsRepository,
    private readonly posting: MessagePosting,
    private readonly handoff: HandoffService,
    private readonly endings: ConversationEndings,
    private readonly views: ConversationViews,
    private readonly metrics: ChatMetrics,
    private readonly notifier: ChatNotifier,
    @Inject(AI_AGENT) private readonly aiAgent: AiAgent,
    private readonly ai: AiConversations,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  async list(session: VisitorSession): Promise<{ conversations: ConversationView[] }> {
    return this.transactions.run(async ({ manager }) => ({
      conversations: await this.views.conversations(
        await this.conversations.listOfVisitor(session.visitorId, session.contactId, manager),
        manager,
      ),
    }));
  }

  async start(session: VisitorSession, request: VisitorEvent<'conversation.start'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      const created = await this.startIn(tx, session, {
        language: request.language ?? null,
        previousConversationId: null,
        identity: request,
      });
      return this.views.conversation(await this.beginWithFirstResponder(tx, created), tx.manager);
    });
  }

  /**
   * Stores the message (once per client id) and answers its sequence number. Without a conversation, or to one that
   * ended, it starts a new conversation (linked to the ended one): an ended conversation is never reopened.
   * `sentThrough`: the visitor's socket that sent it, which learns the message from its acknowledgement; the visitor's
   * other sockets (tabs, devices) are told.
   */
  async send(session: VisitorSession, message: VisitorEvent<'message.send'>, sentThrough: string): Promise<MessageView> {
    this.posting.requireWithinLimits(message);
    const { view, duplicate } =
      (await this.sendToOpenConversation(session, message, sentThrough)) ?? (await this.sendInTransaction(session, message, sentThrough));
    // A message sent again was answered the first time; the acknowledgement does not wait for the answer.
    if (this.aiAgent.answersFirst && !duplicate) {
      this.ai
        .answer(view)
        .catch((error: unknown) => this.logger.error({ err: error, conversationId: view.conversationId }, 'The AI agent failed to answer'));
    }
    return view;
  }

  /** The common case, a message without files to a conversation going on, the fast way; null for anything else. */
  private async sendToOpenConversation(
    session: VisitorSession,
    message: VisitorEvent<'message.send'>,
    sentThrough: string,
  ): Promise<{ view: MessageView; duplicate: false } | null> {
    if (!message.conversationId || message.fileIds.length > 0) return null;
    const view = await this.posting.postToOpenConversationOfVisitor(
      { visitor: session, conversationId: message.conversationId, clientId: message.clientId, text: message.text },
      sentThrough,
    );
    return view && { view, duplicate: false };
  }

  private async sendInTransaction(session: VisitorSession, message: VisitorEvent<'message.send'>, sentThrough: string) {
    return this.transactions.run(async (tx) => {
      const existing = message.conversationId ? await this.lockOwned(tx, session, message.conversationId) : null;
      const starts = !existing || isEnded(existing.state);
      if (starts) {
        const retried = await this.messages.findOfVisitor(session.visitorId, message.clientId, tx.manager);
        if (retried) return { view: (await this.views.messages([retried], tx.manager))[0]!, duplicate: true };
      }
      const conversation = starts
        ? await this.startIn(tx, session, {
            language: message.language ?? existing?.language ?? null,
            previousConversationId: existing?.id ?? null,
          })
        : existing;
      const posted = await this.posting.post(
        tx,
        conversation,
        { clientId: message.clientId, authorKind: 'visitor', agentId: null, text: message.text, fileIds: message.fileIds },
        sentThrough,
      );
      // The first message is in the conversation before anyone is told of it (agents see it in the queue).
      if (starts) await this.beginWithFirstResponder(tx, conversation);
      return posted;
    });
  }

  /** The conversation as it is now and every message after the sequence the client saw, in order. */
  async resume(session: VisitorSession, { conversationId, afterSequence }: VisitorEvent<'conversation.resume'>) {
    return this.transactions.run(async (tx) => {
      const conversation = await this.owned(tx, session, conversationId);
      const missed = await this.messages.after(conversationId, afterSequence, tx.manager);
      return {
        conversation: await this.views.conversation(conversation, tx.manager),
        messages: await this.views.messages(missed, tx.manager),
      };
    });
  }

  async signal(
    session: VisitorSession,
    event: 'typing' | 'read',
    payload: VisitorEvent<'typing'> | VisitorEvent<'read'>,
  ): Promise<{ ok: true }> {
    const conversation = await this.transactions.run((tx) => this.owned(tx, session, payload.conversationId));
    const agentId = conversation.assignedAgentId;
    if (agentId) this.notifier.toAgent(agentId, event, payload);
    return { ok: true };
  }

  async requestPerson(session: VisitorSession, { conversationId }: VisitorEvent<'person.request'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      const conversation = await this.lockOwned(tx, session, conversationId);
      return this.views.conversation(await this.handoff.requestPerson(tx, conversation, 'visitor_request'), tx.manager);
    });
  }

  /**
   * The visitor gives its email (and name): identity links it to its contact (`chat.visitor.identified.v1`), and a
   * conversation waiting for an email before becoming a ticket becomes one.
   */
  async identify(session: VisitorSession, request: VisitorEvent<'visitor.identify'>): Promise<{ ok: true }> {
    return this.transactions.run(async (tx) => {
      const conversation = request.conversationId ? await this.lockOwned(tx, session, request.conversationId) : null;
      await this.identifyIn(tx, session, conversation?.id ?? null, { name: request.name ?? null, email: request.email });
      if (conversation?.state === 'awaiting_email') {
        await this.endings.escalate(tx, conversation, conversation.pendingEscalation as ChatEscalationReason);
      }
      return { ok: true as const };
    });
  }

  async close(session: VisitorSession, { conversationId, rating }: VisitorEvent<'conversation.close'>): Promise<ConversationView> {
    return this.transactions.run(async (tx) => {
      const conversation = await this.lockOwned(tx, session, conversationId);
      // Rated first, so the transcript recorded at closing carries the rating.
      if (rating) await this.rateIn(tx, conversationId, rating);
      return this.views.conversation(await this.endings.close(tx, conversation, 'visitor'), tx.manager);
    });
  }

  async rate(session: VisitorSession, { conversationId, score, comment }: VisitorEvent<'conversation.rate'>): Promise<{ ok: true }> {
    return this.transactions.run(async (tx) => {
      const conversation = await this.owned(tx, session, conversationId);
      if (!isEnded(conversation.state)) throw new ChatException(ChatErrorCode.NotEnded, 'A conversation is rated once it ended');
      await this.rateIn(tx, conversationId, { score, ...(comment ? { comment } : {}) });
      return { ok: true as const };
    });
  }

  private async rateIn(tx: ChatTransaction, conversationId: string, rating: { score: number; comment?: string }): Promise<void> {
    if (!(await this.ratings.rate(conversationId, rating, tx.manager))) {
      throw new ChatException(ChatErrorCode.AlreadyRated, 'This conversation was rated already');
    }
    const conversation = await this.conversations.require(conversationId, tx.manager);
    const agentId = conversation.assignedAgentId;
    tx.notices.add((notifier) => {
      this.metrics.rated(rating.score);
      if (agentId) notifier.toAgent(agentId, 'conversation.rated', { conversationId, ...rating });
    });
  }

  private async startIn(
    tx: ChatTransaction,
    session: VisitorSession,
    start: { language: string | null; previousConversationId: string | null; identity?: { name?: string; email?: string } },
  ): Promise<ConversationEntity> {
    const { maxOpenConversations } = this.settings.limits;
    if ((await this.conversations.countOpen(session.visitorId, tx.manager)) >= maxOpenConversations) {
      throw new ChatException(
        ChatErrorCode.TooManyOpenConversations,
        `A visitor has at most ${maxOpenConversations} open conversations (open conversations limit): close one first`,
      );
    }
    const visitor = await this.visitors.findById(session.visitorId, tx.manager);
    const email = start.identity?.email ?? visitor?.email ?? null;
    if (this.settings.preChatForm && !email && !session.contactId) {
      throw new ChatException(ChatErrorCode.PreChatRequired, 'Give your name and email first (conversation.start with name and email)');
    }
    const created = await this.conversations.create({ visitorId: session.visitorId, ...start }, tx.manager);
    if (start.identity?.email)
      await this.identifyIn(tx, session, created.id, { name: start.identity.name ?? null, email: start.identity.email });
    tellParticipants(tx, created, 'conversation.updated', await this.views.conversation(created, tx.manager));
    return created;
  }

  /** A new conversation starts with the AI agent, or without one (`none`) goes straight to the people. */
  private async beginWithFirstResponder(tx: ChatTransaction, created: ConversationEntity): Promise<ConversationEntity> {
    if (this.aiAgent.answersFirst) return created;
    return this.handoff.requestPerson(tx, await this.conversations.lock(created.id, tx.manager), 'no_ai_agent');
  }

  private async identifyIn(
    tx: ChatTransaction,
    session: VisitorSession,
    conversationId: string | null,
    identity: { name: string | null; email: string },
  ): Promise<void> {
    await this.visitors.identify(session.visitorId, identity, tx.manager);
    if (!conversationId) return;
    await tx.outbox.add(Topics.ChatVisitorIdentified, conversationId, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      conversationId,
      visitor: {
        visitorId: session.visitorId,
        ...(session.contactId ? { contactId: session.contactId } : {}),
        email: identity.email,
        ...(identity.name ? { name: identity.name } : {}),
      },
    });
  }

  /** A conversation of this visitor (or of its contact); anyone else's answers as missing, so ids reveal nothing. */
  private async owned(tx: ChatTransaction, session: VisitorSession, conversationId: string): Promise<ConversationEntity> {
    return this.ofVisitor(tx, session, conversationId, { lock: false });
  }

  private async lockOwned(tx: ChatTransaction, session: VisitorSession, conversationId: string): Promise<ConversationEntity> {
    return this.ofVisitor(tx, session, conversationId, { lock: true });
  }

  private async ofVisitor(
    tx: ChatTransaction,
    session: VisitorSession,
    conversationId: string,
    options: { lock: boolean },
  ): Promise<ConversationEntity> {
    const conversation = await this.conversations.findOfVisitor(conversationId, session, tx.manager, options);
    if (conversation) return conversation;
    throw new ChatException(ChatErrorCode.ConversationNotFound, `No conversation ${conversationId}`);
  }
}
