import { Inject, Injectable } from '@nestjs/common';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { detectHandoffRequest } from '../handoff/detect-handoff';
import { LanguageDetector } from '../language/detect-language';
import { MessagePosting } from '../messages/message-posting';
import { MessagesRepository } from '../messages/messages.repository';
import { AiTurnEnding, ChatMetrics } from '../metrics/chat-metrics';
import type { MessageView } from '../protocol/protocol';
import { HandoffService } from '../queue/handoff.service';
import { ChatNotifier } from '../realtime/chat-notifier';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { ChatTransactions } from '../realtime/chat-transactions';
import { AI_AGENT, AiAgent, AiHandoverReason, AiTurn, AiTurnOutcome } from './ai-agent';
import { visitorTextsIn } from '../visitor-texts/visitor-texts';
import { lowConfidenceHandover, nextLowConfidenceStreak } from './low-confidence';

/** The client id of the AI's answer to a visitor message: a client shows the streamed draft until it arrives. */
export const aiReplyClientId = (visitorSequence: number) => `ai:${visitorSequence}`;

/**
 * Has the AI agent answer the visitor's messages while a conversation is with it (`bot`), and hands it to the people
 * on the cheapest signal first: a request in words, then what the agent reports (a failure, the model's handoff call),
 * then too many low-confidence answers in a row. It never answers once a person has the conversation: the state is
 * checked under the conversation's lock before the turn and again before the answer is stored.
 */
@Injectable()
export class AiConversations {
  constructor(
    private readonly transactions: ChatTransactions,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly posting: MessagePosting,
    private readonly handoff: HandoffService,
    private readonly notifier: ChatNotifier,
    private readonly languages: LanguageDetector,
    private readonly metrics: ChatMetrics,
    @Inject(AI_AGENT) private readonly agent: AiAgent,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  /** Answers a stored visitor message (after its transaction committed); the answer streams, then is stored. */
  async answer(message: MessageView): Promise<void> {
    const turn = await this.transactions.run((tx) => this.prepare(tx, message));
    if (typeof turn === 'string') return this.metrics.aiTurnEnded(turn);
    // Outside any transaction: a language model may write for seconds, and no lock is held meanwhile. Parts are
    // numbered: through the instances' adapter they may arrive out of order.
    let index = 0;
    const outcome = await this.agent.respond(turn, {
      stream: (part) =>
        this.notifier.toVisitor(turn.visitorId, 'message.partial', {
          conversationId: message.conversationId,
          clientId: aiReplyClientId(message.sequence),
          index: index++,
          part,
        }),
    });
    await this.transactions.run(async (tx) => {
      const ending = await this.conclude(tx, message, turn.language, outcome);
      tx.notices.add(() => this.metrics.aiTurnEnded(ending));
    });
  }

  /** The turn to take, or how it ended before the agent was asked: a person has the chat, or the visitor asked for one. */
  private async prepare(tx: ChatTransaction, message: MessageView): Promise<(AiTurn & { visitorId: string }) | AiTurnEnding> {
    const conversation = await this.conversations.lock(message.conversationId, tx.manager);
    if (conversation.state !== 'bot') return 'dropped';
    // The language first: a request for a person is answered in it too ("connecting", or why nobody can).
    const language = await this.languageOf(tx, conversation, message.text);
    if (detectHandoffRequest(message.text)) {
      await this.handOver(tx, conversation, 'visitor_asked');
      return 'handed_over';
    }
    const earlier = (await this.messages.after(conversation.id, 0, tx.manager)).filter((stored) => stored.sequence < message.sequence);
    return {
      conversationId: conversation.id,
      visitorId: conversation.visitorId,
      language,
      history: earlier.map((stored) => ({ author: stored.authorKind, text: stored.text })),
      visitorMessage: message.text,
      personReachable: await this.handoff.personReachable(tx, conversation),
    };
  }

  private async conclude(
    tx: ChatTransaction,
    message: MessageView,
    language: string | null,
    outcome: AiTurnOutcome,
  ): Promise<AiTurnEnding> {
    const conversation = await this.conversations.lock(message.conversationId, tx.manager);
    // A person took over (or the visitor left) while the agent was writing: its answer is dropped.
    if (conversation.state !== 'bot') return 'dropped';
    const reply = (text: string) =>
      this.posting.post(tx, conversation, {
        clientId: aiReplyClientId(message.sequence),
        authorKind: 'ai',
        agentId: null,
        text,
        fileIds: [],
      });
    if (outcome.kind === 'handover') {
      if (outcome.reason === 'provider_failure') await reply(visitorTextsIn(language).providerFailed);
      await this.handOver(tx, conversation, outcome.reason);
      return 'handed_over';
    }
    await reply(outcome.text);
    const streak = nextLowConfidenceStreak(conversation.aiLowConfidenceStreak, outcome.confident);
    const counted = await this.conversations.change(conversation.id, { aiLowConfidenceStreak: streak }, tx.manager);
    // With nobody to take the chat, the "not sure" answers already offered the ticket path: the visitor chooses it.
    if (lowConfidenceHandover(streak, this.settings.ai.maxLowConfidence) && (await this.handoff.personReachable(tx, counted))) {
      await this.handOver(tx, counted, 'low_confidence');
      return 'handed_over';
    }
    return outcome.confident ? 'answered' : 'unsure';
  }

  /** To the people, with the reason recorded; when nobody can take it now, the visitor is told why and it becomes a ticket. */
  private async handOver(tx: ChatTransaction, conversation: ConversationEntity, reason: AiHandoverReason): Promise<void> {
    const recorded = await this.conversations.change(conversation.id, { aiHandoverReason: reason }, tx.manager);
    await this.handoff.requestPerson(tx, recorded, reason === 'visitor_asked' ? 'visitor_request' : 'ai_handover');
  }

  /**
   * The conversation's language: the browser's when the widget gave one the team enables, else detected from the first
   * message that tells (and kept from then on).
   */
  private async languageOf(tx: ChatTransaction, conversation: ConversationEntity, text: string): Promise<string | null> {
    if (conversation.language && this.languages.supports(conversation.language)) return conversation.language;
    const detected = this.languages.detect(text)?.language ?? null;
    if (detected) await this.conversations.change(conversation.id, { language: detected }, tx.manager);
    return detected;
  }
}
