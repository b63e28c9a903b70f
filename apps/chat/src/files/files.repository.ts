import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { ChatFileRef } from '@helpgate/contracts';
import { ChatFileEntity } from './chat-file.entity';

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

@Injectable()
export class FilesRepository {
  /** Stores the files of a conversation; the same bytes are kept once, whoever sends them how often. */
  async store(conversationId: string, files: readonly UploadedFile[], manager: EntityManager): Promise<ChatFileEntity[]> {
    const stored: ChatFileEntity[] = [];
    for (const file of files) {
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      await manager.query('INSERT INTO chat_file_contents (sha256, content) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        sha256,
        file.content,
      ]);
      stored.push(
        await manager.getRepository(ChatFileEntity).save({
          id: randomUUID(),
          conversationId,
          sha256,
          filename: file.filename,
          contentType: file.contentType,
          sizeBytes: file.content.length,
        }),
      );
    }
    return stored;
  }

  async findById(id: string, manager: EntityManager): Promise<ChatFileEntity | null> {
    return manager.getRepository(ChatFileEntity).findOneBy({ id });
  }

  async ofConversation(conversationId: string, ids: readonly string[], manager: EntityManager): Promise<ChatFileEntity[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(ChatFileEntity).findBy({ conversationId, id: In([...ids]) });
  }

  async allOfConversation(conversationId: string, manager: EntityManager): Promise<ChatFileEntity[]> {
    return manager.getRepository(ChatFileEntity).find({ where: { conversationId }, order: { createdAt: 'ASC' } });
  }

  async refsByIds(ids: readonly string[], manager: EntityManager): Promise<Map<string, ChatFileRef>> {
    if (ids.length === 0) return new Map();
    const files = await manager.getRepository(ChatFileEntity).findBy({ id: In([...ids]) });
    return new Map(files.map((file) => [file.id, fileRefOf(file)]));
  }

  async content(sha256: string, manager: EntityManager): Promise<Buffer> {
    const [row]: { content: Buffer }[] = await manager.query('SELECT content FROM chat_file_contents WHERE sha256 = $1', [sha256]);
    return row.content;
  }
}

export function fileRefOf(file: ChatFileEntity): ChatFileRef {
  return { id: file.id, filename: file.filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}
