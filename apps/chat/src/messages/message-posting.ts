import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { requireWithinFileLimits } from '../files/file-limits';
import { FilesRepository } from '../files/files.repository';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationViews } from '../conversations/conversation-views';
import type { MessageView } from '../protocol/protocol';
import { ChatNotifier } from '../realtime/chat-notifier';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { GroupCommit } from './group-commit';
import { AppendedMessage, MessagesRepository, NewMessage, VisitorMessage } from './messages.repository';

/** Stores a message in a locked conversation and tells both sides once it committed. */
@Injectable()
export class MessagePosting {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly views: ConversationViews,
    private readonly files: FilesRepository,
    private readonly notifier: ChatNotifier,
    private readonly dataSource: DataSource,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  private readonly logger = new Logger(MessagePosting.name);
  /**
   * A few batches at once, on other conversations: a conversation's message waits only for a batch holding an earlier
   * message of the same conversation, which commits before this one takes its number, so a conversation's messages are
   * numbered in the order they arrived. One batch at a time made every message wait for the commit under way, then
   * for its own: twice a commit's round trip in the tail. Four at once made nearly every message a batch of its own, a
   * statement and a system call each, and measured worse than two (relay p99 at 1,000 messages a second, three
   * alternated pairs on a quiet machine: 11.1 / 9.8 / 7.2 ms with four, 8.6 / 6.4 / 5.8 ms with two). The messages
   * arriving while every slot is busy gather into the next batch; the slots leave most of the pool to the
   * transactional way.
   */
  private readonly openConversationMessages = new GroupCommit((messages: VisitorMessage[]) => this.appendTogether(messages), {
    maxInFlight: 2,
    maxBatchSize: 500,
    keyOf: (message) => message.conversationId,
  });

  /** Refuses a message over the size or file limits, naming the limit; checked before anything is stored. */
  requireWithinLimits(message: { text: string; fileIds: readonly string[] }): void {
    const { maxMessageChars, maxFilesPerMessage } = this.settings.limits;
    if (message.text.length > maxMessageChars) {
      throw new ChatException(ChatErrorCode.MessageTooLarge, `A message holds at most ${maxMessageChars} characters (message size limit)`);
    }
    if (message.fileIds.length > maxFilesPerMessage) {
      throw new ChatException(ChatErrorCode.TooManyFiles, `A message carries at most ${maxFilesPerMessage} files`);
    }
  }

  /** `sentThrough`: the socket that sent it, answered by its acknowledgement rather than told again. */
  async post(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    message: NewMessage,
    sentThrough?: string,
  ): Promise<{ view: MessageView; duplicate: boolean }> {
    const files = await this.files.ofConversation(conversation.id, message.fileIds, tx.manager);
    if (files.length !== new Set(message.fileIds).size) {
      throw new ChatException(ChatErrorCode.FileNotFound, 'Files of a message must have been uploaded to its conversation');
    }
    // Each upload is within the limits; several uploads sent in one message must be too.
    requireWithinFileLimits(
      files.map((file) => file.sizeBytes),
      this.settings.limits,
    );
    const { message: stored, duplicate } = await this.messages.append(conversation.id, message, tx.manager);
    const [view] = await this.views.messages([stored], tx.manager);
    // A message sent again is answered again, but nobody is told twice.
    if (!duplicate) tellParticipants(tx, conversation, 'message', view, sentThrough);
    return { view: view!, duplicate };
  }

  /**
   * A visitor's message without files to one of its open conversations, stored and told at once, the fast way: the
   * messages arriving together are stored by one statement with one commit (see `GroupCommit` and
   * `MessagesRepository.appendToOpenConversationsOfVisitors`), acknowledged and told once it committed. Null, with
   * nothing stored, when it is not that case (or the batch failed) and the message is to be posted in a transaction.
   */
  async postToOpenConversationOfVisitor(message: VisitorMessage, sentThrough: string): Promise<MessageView | null> {
    const appended = await this.openConversationMessages.submit(message);
    if (!appended) return null;
    const [view] = await this.views.messages([appended.message], this.dataSource.manager);
    notifyParticipants(this.notifier, { id: appended.message.conversationId, ...appended.conversation }, 'message', view, sentThrough);
    return view!;
  }

  private async appendTogether(messages: VisitorMessage[]): Promise<(AppendedMessage | null)[]> {
    try {
      return await this.messages.appendToOpenConversationsOfVisitors(messages, this.dataSource.manager);
    } catch (error) {
      // A client id sent twice at once, stored by another batch, a deadlock, the database gone: each message is then
      // posted on its own, in a transaction, which stores it or answers why not.
      this.logger.warn({ err: error, messages: messages.length }, 'a batch of messages was not stored; posting them one by one');
      return messages.map(() => null);
    }
  }

  /** A notice from Helpgate itself in the conversation (escalated, transferred, …), stored like any message. */
  async postSystem(tx: ChatTransaction, conversation: ConversationEntity, clientId: string, text: string): Promise<void> {
    await this.post(tx, conversation, { clientId: `system:${clientId}`, authorKind: 'system', agentId: null, text, fileIds: [] });
  }
}

/** Who hears of a conversation: its visitor, its agent, and the agents watching it. */
type Participants = Pick<ConversationEntity, 'id' | 'visitorId' | 'assignedAgentId'>;

/**
 * Tells the visitor and the conversation's agent, after the commit. `exceptSocket`: the socket whose request this
 * answers; it learns the outcome from its acknowledgement, so a copy would be one more frame for each side to handle.
 */
export function tellParticipants(
  tx: ChatTransaction,
  conversation: Participants,
  event: string,
  payload: unknown,
  exceptSocket?: string,
): void {
  const { id, visitorId, assignedAgentId } = conversation;
  tx.notices.add((notifier) => notifyParticipants(notifier, { id, visitorId, assignedAgentId }, event, payload, exceptSocket));
}

function notifyParticipants(
  notifier: ChatNotifier,
  { id, visitorId, assignedAgentId }: Participants,
  event: string,
  payload: unknown,
  exceptSocket?: string,
): void {
  notifier.toVisitor(visitorId, event, payload, exceptSocket);
  if (assignedAgentId) notifier.toAgent(assignedAgentId, event, payload, exceptSocket);
  notifier.toWatchers(id, event, payload);
}
