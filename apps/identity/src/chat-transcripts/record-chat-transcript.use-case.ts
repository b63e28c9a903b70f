import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChatTranscriptRecordedV1, ChatVisitor, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactActivitiesRepository } from '../contacts/contact-activities.repository';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { normalizeEmail } from '../domain/email-address';
import { RequesterResolution } from '../requesters/requester-resolution';
import { ChatTranscriptsRepository } from './chat-transcripts.repository';

/**
 * Keeps the transcript of a conversation that reached a person on the profile of the contact the visitor is (a
 * signed-in visitor's contact, else the contact owning the visitor's address), with an entry on its timeline; once
 * per conversation. A visitor who is no contact gets nothing recorded: chat keeps the conversation in its history.
 */
@Injectable()
export class RecordChatTranscriptUseCase {
  private readonly logger = new Logger(RecordChatTranscriptUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly resolution: RequesterResolution,
    private readonly contacts: ContactsRepository,
    private readonly transcripts: ChatTranscriptsRepository,
    private readonly activities: ContactActivitiesRepository,
  ) {}

  async execute(ended: ChatTranscriptRecordedV1): Promise<void> {
    const { conversationId } = ended;
    await this.events.runOnce(ended, Topics.ChatTranscriptRecorded, async (manager) => {
      const contact = await this.contactOf(ended.visitor, manager);
      if (!contact) {
        this.logger.log({ conversationId }, 'chat transcript not recorded: the visitor is no contact');
        return;
      }
      const transcriptId = await this.transcripts.record(contact.id, ended, manager);
      if (!transcriptId) {
        this.logger.log({ conversationId }, 'chat transcript of the conversation recorded already');
        return;
      }
      await this.activities.record(contact.id, { kind: 'chat_transcript_recorded', details: { transcriptId, conversationId } }, manager);
      this.logger.log({ conversationId, contactId: contact.id, transcriptId }, 'chat transcript recorded on the contact');
    });
  }

  private async contactOf(visitor: ChatVisitor, manager: EntityManager): Promise<ContactEntity | null> {
    const signedIn = visitor.contactId ? await this.resolution.contactById(visitor.contactId, manager) : null;
    const email = visitor.email && normalizeEmail(visitor.email);
    return signedIn ?? (email ? this.contacts.findByEmail(email, manager) : null);
  }
}
