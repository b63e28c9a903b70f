import { Module } from '@nestjs/common';
import { AnnouncementReadMarkEntity } from './announcement-read-mark.entity';
import { AnnouncementEntity } from './announcement.entity';
import { AnnouncementsAdminController } from './announcements-admin.controller';
import { AnnouncementsRepository } from './announcements.repository';
import { AnnouncementsService } from './announcements.service';
import { HelpCenterAnnouncementsController } from './help-center-announcements.controller';
import { Announcements1764000000810 } from '../migrations/1764000000810-announcements';

/** What announcements add to chat's database. */
export const announcementsSchema = { entities: [AnnouncementEntity, AnnouncementReadMarkEntity], migrations: [Announcements1764000000810] };

/** Product announcements: admins' CRUD, the help center's list and each reader's unread count. */
@Module({
  controllers: [AnnouncementsAdminController, HelpCenterAnnouncementsController],
  providers: [AnnouncementsRepository, AnnouncementsService],
})
export class AnnouncementsModule {}
