import { Controller, Get, Header } from '@nestjs/common';
import { z } from 'zod';
import { Public } from '@helpgate/auth';
import { ApiDescription, ResponseBody, ResponseContent } from '@helpgate/platform';
import { BannerIncidentDto, bannerIncidentSchema, StatusPageDto, statusPageSchema } from './incident.dto';
import { StatusNoticesService } from './status-notices.service';

const rssContentType = 'application/rss+xml';

/** The public service status (no token): the status page, the help center's banner and an RSS feed. */
@Public()
@Controller('status')
export class StatusController {
  constructor(private readonly statusNotices: StatusNoticesService) {}

  @Get()
  @ResponseBody(statusPageSchema)
  page(): Promise<StatusPageDto> {
    return this.statusNotices.statusPage();
  }

  @Get('banner')
  @ResponseBody(z.array(bannerIncidentSchema))
  @ApiDescription('The open incidents only, each with its latest update: empty when all is well.')
  banner(): Promise<BannerIncidentDto[]> {
    return this.statusNotices.banner();
  }

  @Get('feed.rss')
  @Header('content-type', `${rssContentType}; charset=utf-8`)
  @ResponseContent(rssContentType)
  @ApiDescription('RSS 2.0: one item per update of the incidents the status page shows, the newest first.')
  feed(): Promise<string> {
    return this.statusNotices.feed();
  }
}
