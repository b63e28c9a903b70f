import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AdminAnnouncementDto,
  AdminAnnouncementListDto,
  adminAnnouncementListSchema,
  adminAnnouncementSchema,
  announcementIdSchema,
  CreateAnnouncementDto,
  createAnnouncementSchema,
  UpdateAnnouncementDto,
  updateAnnouncementSchema,
} from './announcement.dto';
import { AnnouncementsService } from './announcements.service';

/** Admins write the help center's product announcements, and schedule them with `publishedFrom`. */
@AdminsOnly()
@Controller('announcements')
export class AnnouncementsAdminController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ResponseBody(pageOf(adminAnnouncementSchema))
  @ApiDescription('Every announcement, scheduled ones included, the latest `publishedFrom` first.')
  list(@Query(new ZodValidationPipe(adminAnnouncementListSchema)) query: AdminAnnouncementListDto): Promise<PageOf<AdminAnnouncementDto>> {
    return this.announcements.list(query);
  }

  @Get(':id')
  @ResponseBody(adminAnnouncementSchema)
  get(@Param('id', new ZodValidationPipe(announcementIdSchema)) id: string): Promise<AdminAnnouncementDto> {
    return this.announcements.get(id);
  }

  @Post()
  @ResponseBody(adminAnnouncementSchema)
  create(@Body(new ZodValidationPipe(createAnnouncementSchema)) body: CreateAnnouncementDto): Promise<AdminAnnouncementDto> {
    return this.announcements.create(body);
  }

  @Patch(':id')
  @ResponseBody(adminAnnouncementSchema)
  update(
    @Param('id', new ZodValidationPipe(announcementIdSchema)) id: string,
    @Body(new ZodValidationPipe(updateAnnouncementSchema)) body: UpdateAnnouncementDto,
  ): Promise<AdminAnnouncementDto> {
    return this.announcements.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', new ZodValidationPipe(announcementIdSchema)) id: string): Promise<void> {
    return this.announcements.delete(id);
  }
}
