import { Inject, Injectable } from '@nestjs/common';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { requireWithinFileLimits } from '../files/file-limits';
import { FilesRepository } from '../files/files.repository';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationViews } from '../conversations/conversation-views';
import type { MessageView } from '../protocol/protocol';
import type { ChatTransaction } from '../realtime/chat-transactions';
import { MessagesRepository, NewMessage } from './messages.repository';

/** Stores a message in a locked conversation and tells both sides once it committed. */
@Injectable()
export class MessagePosting {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly views: ConversationViews,
    private readonly files: FilesRepository,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

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

  async post(
    tx: ChatTransaction,
    conversation: ConversationEntity,
    message: NewMessage,
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
    if (!duplicate) tellParticipants(tx, conversation, 'message', view);
    return { view: view!, duplicate };
  }

  /** A notice from Helpgate itself in the conversation (escalated, transferred, …), stored like any message. */
  async postSystem(tx: ChatTransaction, conversation: ConversationEntity, clientId: string, text: string): Promise<void> {
    await this.post(tx, conversation, { clientId: `system:${clientId}`, authorKind: 'system', agentId: null, text, fileIds: [] });
  }
}

/** Tells the visitor and the conversation's agent, after the commit. */
export function tellParticipants(
  tx: ChatTransaction,
  conversation: Pick<ConversationEntity, 'id' | 'visitorId' | 'assignedAgentId'>,
  event: string,
  payload: unknown,
): void {
  const { id, visitorId, assignedAgentId } = conversation;
  tx.notices.add((notifier) => {
    notifier.toVisitor(visitorId, event, payload);
    if (assignedAgentId) notifier.toAgent(assignedAgentId, event, payload);
    notifier.toWatchers(id, event, payload);
  });
}
