import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MessagesRepository } from '../messages/messages.repository';
import type { QueueEntryView } from '../protocol/protocol';
import { QueueEntry, QueueRepository } from './queue.repository';

const previewLength = 140;

/** The queue as agents see it: position, reason, language, wait and the visitor's first words. */
@Injectable()
export class QueueViews {
  constructor(
    private readonly queue: QueueRepository,
    private readonly messages: MessagesRepository,
  ) {}

  async all(manager: EntityManager): Promise<QueueEntryView[]> {
    const views: QueueEntryView[] = [];
    for (const entry of await this.queue.ordered(manager)) views.push(await this.view(entry, manager));
    return views;
  }

  async of(conversationId: string, manager: EntityManager): Promise<QueueEntryView | null> {
    const entry = (await this.queue.ordered(manager)).find((candidate) => candidate.conversationId === conversationId);
    return entry ? this.view(entry, manager) : null;
  }

  private async view(entry: QueueEntry, manager: EntityManager): Promise<QueueEntryView> {
    const preview = (await this.messages.firstVisitorText(entry.conversationId, manager)) ?? '';
    return {
      conversationId: entry.conversationId,
      position: entry.position,
      reason: entry.reason,
      language: entry.language,
      enqueuedAt: entry.enqueuedAt.toISOString(),
      preview: preview.slice(0, previewLength),
    };
  }
}
