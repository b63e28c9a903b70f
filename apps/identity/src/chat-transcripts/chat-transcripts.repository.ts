import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ChatTranscriptRecordedV1 } from '@helpgate/contracts';
import type { Page } from '@helpgate/platform';
import { ChatTranscriptEntity } from './chat-transcript.entity';

@Injectable()
export class ChatTranscriptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the conversation's transcript on the contact; null when the conversation has one already. */
  async record(contactId: string, ended: ChatTranscriptRecordedV1, manager: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO chat_transcripts (contact_id, conversation_id, outcome, agents, rating, language, entries, started_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (conversation_id) DO NOTHING RETURNING id`,
      [
        contactId,
        ended.conversationId,
        ended.outcome,
        JSON.stringify(ended.agents),
        ended.rating ? JSON.stringify(ended.rating) : null,
        ended.language ?? null,
        JSON.stringify(ended.transcript),
        ended.startedAt,
        ended.endedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** One page of the contact's transcripts, the latest conversation first, and how many it has in all. */
  async pageOf(contactId: string, page: Page): Promise<[ChatTranscriptEntity[], number]> {
    return this.dataSource.getRepository(ChatTranscriptEntity).findAndCount({
      where: { contactId },
      order: { endedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** The transcript when it is on this contact's profile. */
  async findOf(contactId: string, id: string): Promise<ChatTranscriptEntity | null> {
    return this.dataSource.getRepository(ChatTranscriptEntity).findOneBy({ id, contactId });
  }
}
