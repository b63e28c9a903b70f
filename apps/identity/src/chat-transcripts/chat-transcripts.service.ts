import { Injectable } from '@nestjs/common';
import type { Page, PageOf } from '@helpgate/platform';
import { ContactsRepository } from '../contacts/contacts.repository';
import { contactNotFound } from '../contacts/contacts.service';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import {
  ChatTranscriptDto,
  ChatTranscriptSummaryDto,
  OwnChatTranscriptDto,
  toChatTranscript,
  toChatTranscriptSummary,
  toOwnChatTranscript,
  toOwnChatTranscriptSummary,
} from './chat-transcript.dto';
import { ChatTranscriptEntity } from './chat-transcript.entity';
import { ChatTranscriptsRepository } from './chat-transcripts.repository';

/** The transcripts on contacts' profiles: all of them for agents, its own for a signed-in contact. */
@Injectable()
export class ChatTranscriptsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly transcripts: ChatTranscriptsRepository,
  ) {}

  async listForAgents(contactId: string, page: Page): Promise<PageOf<ChatTranscriptSummaryDto>> {
    await this.requireContact(contactId);
    return this.pageOf(contactId, page, toChatTranscriptSummary);
  }

  async getForAgents(contactId: string, id: string): Promise<ChatTranscriptDto> {
    await this.requireContact(contactId);
    return toChatTranscript(await this.requireTranscript(contactId, id));
  }

  listOwn(contactId: string, page: Page): Promise<PageOf<Omit<OwnChatTranscriptDto, 'entries'>>> {
    return this.pageOf(contactId, page, toOwnChatTranscriptSummary);
  }

  /** Another contact's transcript answers as one that does not exist. */
  async getOwn(contactId: string, id: string): Promise<OwnChatTranscriptDto> {
    return toOwnChatTranscript(await this.requireTranscript(contactId, id));
  }

  private async pageOf<Dto>(contactId: string, page: Page, toDto: (transcript: ChatTranscriptEntity) => Dto): Promise<PageOf<Dto>> {
    const [transcripts, total] = await this.transcripts.pageOf(contactId, page);
    return { items: transcripts.map(toDto), total, ...page };
  }

  private async requireContact(contactId: string): Promise<void> {
    if (!(await this.contacts.findById(contactId))) throw contactNotFound(contactId);
  }

  private async requireTranscript(contactId: string, id: string): Promise<ChatTranscriptEntity> {
    const transcript = await this.transcripts.findOf(contactId, id);
    if (!transcript)
      throw new IdentityException(IdentityErrorCode.ChatTranscriptNotFound, `No chat transcript ${id} on this contact's profile`);
    return transcript;
  }
}
