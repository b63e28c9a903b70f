import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { AnnouncementEntity } from './announcement.entity';
import { AnnouncementReadMarkEntity } from './announcement-read-mark.entity';

export type AnnouncementFields = Pick<AnnouncementEntity, 'title' | 'text' | 'publishedFrom' | 'language' | 'link'>;

@Injectable()
export class AnnouncementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get announcements() {
    return this.dataSource.getRepository(AnnouncementEntity);
  }

  async find(id: string): Promise<AnnouncementEntity | null> {
    return this.announcements.findOneBy({ id });
  }

  /** Every announcement, scheduled ones included, newest `publishedFrom` first. */
  async list(language: string | undefined, page: Page): Promise<[AnnouncementEntity[], number]> {
    return this.announcements.findAndCount({
      where: language ? { language } : {},
      order: { publishedFrom: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** What a reader of `language` is shown at `now`: published, in their language or in every one, newest first. */
  async listPublished(language: string, now: Date, page: Page): Promise<[AnnouncementEntity[], number]> {
    return this.publishedFor(language, now)
      .orderBy('announcement.publishedFrom', 'DESC')
      .addOrderBy('announcement.id')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
  }

  /** How many of what `listPublished` shows were published after `readUpTo` (all of them when null). */
  async countPublishedAfter(language: string, now: Date, readUpTo: Date | null): Promise<number> {
    const query = this.publishedFor(language, now);
    if (readUpTo) query.andWhere('announcement.publishedFrom > :readUpTo', { readUpTo });
    return query.getCount();
  }

  async insert(fields: AnnouncementFields): Promise<AnnouncementEntity> {
    const { identifiers } = await this.announcements.insert(fields);
    return (await this.find(identifiers[0]!.id as string))!;
  }

  /** The changed announcement, or null when there is none with that id. */
  async update(id: string, fields: Partial<AnnouncementFields>): Promise<AnnouncementEntity | null> {
    const { affected } = await this.announcements.update({ id }, fields);
    return affected ? this.find(id) : null;
  }

  /** Whether it existed. */
  async delete(id: string): Promise<boolean> {
    const { affected } = await this.announcements.delete({ id });
    return Boolean(affected);
  }

  async readMark(reader: string): Promise<Date | null> {
    return (await this.dataSource.getRepository(AnnouncementReadMarkEntity).findOneBy({ reader }))?.readUpTo ?? null;
  }

  /** Moves the reader's mark to `readUpTo` unless it already is later (two tabs marking at once keep the later). */
  async moveReadMark(reader: string, readUpTo: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO announcement_read_marks (reader, read_up_to) VALUES ($1, $2)
       ON CONFLICT (reader) DO UPDATE SET read_up_to = GREATEST(announcement_read_marks.read_up_to, EXCLUDED.read_up_to)`,
      [reader, readUpTo],
    );
  }

  private publishedFor(language: string, now: Date) {
    return this.announcements
      .createQueryBuilder('announcement')
      .where('announcement.publishedFrom <= :now', { now })
      .andWhere('(announcement.language IS NULL OR announcement.language = :language)', { language });
  }
}
