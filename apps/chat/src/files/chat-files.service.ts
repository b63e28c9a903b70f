import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredFile } from '@helpgate/platform';
import type { ChatCaller } from '../callers/chat-caller';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { isEnded } from '../conversations/conversation-state';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import type { UploadFilesDto, UploadedFilesDto } from './file.dto';
import { requireWithinFileLimits } from './file-limits';
import { fileRefOf, FilesRepository } from './files.repository';
import { sniffContentType } from './sniff-content-type';

/**
 * Files in conversations: uploaded by the conversation's visitor or its assigned agent, then named in `message.send`;
 * downloaded by the visitor and by any agent (tickets opened from an escalated chat link here).
 */
@Injectable()
export class ChatFilesService {
  private readonly logger = new Logger(ChatFilesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly files: FilesRepository,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  async upload(caller: ChatCaller, conversationId: string, { files }: UploadFilesDto): Promise<UploadedFilesDto> {
    const given = files.map(({ filename, contentBase64 }) => {
      const content = Buffer.from(contentBase64, 'base64');
      // The declared type is ignored: the stored one comes from the bytes, so nothing renders as what it is not.
      return { filename, content, contentType: sniffContentType(content) };
    });
    requireWithinFileLimits(
      given.map((file) => file.content.length),
      this.settings.limits,
    );
    const stored = await this.dataSource.transaction(async (manager) => {
      const conversation = await this.requireUploadable(caller, conversationId, manager);
      return this.files.store(conversation.id, given, manager);
    });
    this.logger.log({ conversationId, by: caller.kind, files: stored.length }, 'files uploaded to a conversation');
    return { files: stored.map(fileRefOf) };
  }

  async download(caller: ChatCaller, fileId: string): Promise<StoredFile> {
    const { manager } = this.dataSource;
    const file = await this.files.findById(fileId, manager);
    // Another visitor's file answers as missing, so ids reveal nothing.
    if (!file || (caller.kind === 'visitor' && !(await this.conversations.isOfVisitor(file.conversationId, caller.session, manager)))) {
      throw new ChatException(ChatErrorCode.FileNotFound, `No file ${fileId}`);
    }
    return { content: await this.files.content(file.sha256, manager), contentType: file.contentType, filename: file.filename };
  }

  /** An open conversation of the visitor calling, or assigned to the agent calling. */
  private async requireUploadable(caller: ChatCaller, conversationId: string, manager: EntityManager): Promise<ConversationEntity> {
    const conversation = await this.conversations.findById(conversationId, manager);
    const visible = caller.kind === 'agent' || (await this.conversations.isOfVisitor(conversationId, caller.session, manager));
    if (!conversation || !visible) throw new ChatException(ChatErrorCode.ConversationNotFound, `No conversation ${conversationId}`);
    if (caller.kind === 'agent' && conversation.assignedAgentId !== caller.agentId) {
      throw new ChatException(ChatErrorCode.NotAssignedToYou, 'Agents upload files to the conversations assigned to them');
    }
    if (isEnded(conversation.state))
      throw new ChatException(ChatErrorCode.ConversationEnded, `The conversation has ended (${conversation.state})`);
    return conversation;
  }
}
