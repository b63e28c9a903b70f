import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@helpgate/auth';
import type { PageOf } from '@helpgate/platform';
import {
  AdminAnnouncementDto,
  AdminAnnouncementListDto,
  CreateAnnouncementDto,
  PublicAnnouncementDto,
  PublicAnnouncementListDto,
  ReadMarkDto,
  toAdminAnnouncement,
  toPublicAnnouncement,
  UnreadCountDto,
  UnreadQueryDto,
  UpdateAnnouncementDto,
} from './announcement.dto';
import { AnnouncementsErrorCode, AnnouncementsException } from './announcements.exception';
import { AnnouncementsRepository } from './announcements.repository';
import { movedReadMark, readerKey } from './read-mark';

/** Product announcements: admins write and schedule them; the help center lists them and counts each reader's unread. */
@Injectable()
export class AnnouncementsService {
  private readonly logger = new Logger(AnnouncementsService.name);

  constructor(private readonly announcements: AnnouncementsRepository) {}

  async list({ language, limit, offset }: AdminAnnouncementListDto): Promise<PageOf<AdminAnnouncementDto>> {
    const [announcements, total] = await this.announcements.list(language, { limit, offset });
    const now = new Date();
    return { items: announcements.map((announcement) => toAdminAnnouncement(announcement, now)), total, limit, offset };
  }

  async get(id: string): Promise<AdminAnnouncementDto> {
    const announcement = await this.announcements.find(id);
    if (!announcement) throw notFound(id);
    return toAdminAnnouncement(announcement, new Date());
  }

  async create(input: CreateAnnouncementDto): Promise<AdminAnnouncementDto> {
    const created = await this.announcements.insert(input);
    this.logger.log(
      { announcementId: created.id, publishedFrom: created.publishedFrom, language: created.language },
      'announcement created',
    );
    return toAdminAnnouncement(created, new Date());
  }

  async update(id: string, patch: UpdateAnnouncementDto): Promise<AdminAnnouncementDto> {
    const updated = await this.announcements.update(id, patch);
    if (!updated) throw notFound(id);
    this.logger.log({ announcementId: id, fields: Object.keys(patch) }, 'announcement changed');
    return toAdminAnnouncement(updated, new Date());
  }

  async delete(id: string): Promise<void> {
    if (!(await this.announcements.delete(id))) throw notFound(id);
    this.logger.log({ announcementId: id }, 'announcement deleted');
  }

  async listPublished({ language, limit, offset }: PublicAnnouncementListDto): Promise<PageOf<PublicAnnouncementDto>> {
    const [announcements, total] = await this.announcements.listPublished(language, new Date(), { limit, offset });
    return { items: announcements.map(toPublicAnnouncement), total, limit, offset };
  }

  async unreadCount(caller: Principal | undefined, { visitorId, language }: UnreadQueryDto): Promise<UnreadCountDto> {
    const readUpTo = await this.announcements.readMark(readerOf(caller, visitorId));
    const unread = await this.announcements.countPublishedAfter(language, new Date(), readUpTo);
    return { unread, readUpTo: readUpTo?.toISOString() ?? null };
  }

  async markRead(caller: Principal | undefined, { visitorId, readUpTo }: ReadMarkDto): Promise<void> {
    const reader = readerOf(caller, visitorId);
    const now = new Date();
    await this.announcements.moveReadMark(reader, movedReadMark(await this.announcements.readMark(reader), readUpTo ?? now, now));
  }
}

/** A contact's token identifies the reader; agents (previewing the help center) and anonymous visitors need a visitor id. */
function readerOf(caller: Principal | undefined, visitorId: string | undefined): string {
  const reader = readerKey(caller?.kind === 'contact' ? caller.contactId : null, visitorId);
  if (!reader) {
    throw new AnnouncementsException(
      AnnouncementsErrorCode.ReaderUnknown,
      'Send a visitorId, or a contact token, to say whose announcements these are',
    );
  }
  return reader;
}

function notFound(id: string): AnnouncementsException {
  return new AnnouncementsException(AnnouncementsErrorCode.NotFound, `No announcement ${id}`);
}
