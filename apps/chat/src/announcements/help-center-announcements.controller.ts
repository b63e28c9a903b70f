import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { OptionalPrincipal, Principal, TokenOptional } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  PublicAnnouncementDto,
  PublicAnnouncementListDto,
  publicAnnouncementListSchema,
  publicAnnouncementSchema,
  ReadMarkDto,
  readMarkSchema,
  UnreadCountDto,
  UnreadQueryDto,
  unreadCountSchema,
  unreadQuerySchema,
} from './announcement.dto';
import { AnnouncementsService } from './announcements.service';

/** The help center's announcements (no token), and each reader's unread count: by visitor id, or by contact token. */
@TokenOptional()
@Controller('help-center/announcements')
export class HelpCenterAnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ResponseBody(pageOf(publicAnnouncementSchema))
  @ApiDescription('Published announcements in the reader’s language and those for every language, the newest first.')
  list(
    @Query(new ZodValidationPipe(publicAnnouncementListSchema)) query: PublicAnnouncementListDto,
  ): Promise<PageOf<PublicAnnouncementDto>> {
    return this.announcements.listPublished(query);
  }

  @Get('unread')
  @ResponseBody(unreadCountSchema)
  @ApiDescription(
    'How many of the reader’s announcements were published after their read mark. A contact token identifies the reader; else `visitorId`.',
  )
  unread(
    @OptionalPrincipal() caller: Principal | undefined,
    @Query(new ZodValidationPipe(unreadQuerySchema)) query: UnreadQueryDto,
  ): Promise<UnreadCountDto> {
    return this.announcements.unreadCount(caller, query);
  }

  @Put('read-mark')
  @HttpCode(204)
  @ApiDescription('Marks the reader’s announcements read up to `readUpTo` (default now). The mark only moves forward, and never past now.')
  markRead(
    @OptionalPrincipal() caller: Principal | undefined,
    @Body(new ZodValidationPipe(readMarkSchema)) body: ReadMarkDto,
  ): Promise<void> {
    return this.announcements.markRead(caller, body);
  }
}
