import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  IncidentDto,
  incidentIdSchema,
  IncidentListDto,
  incidentListSchema,
  incidentSchema,
  OpenIncidentDto,
  openIncidentSchema,
  PostUpdateDto,
  postUpdateSchema,
} from './incident.dto';
import { StatusNoticesService } from './status-notices.service';

/** Admins open service incidents and post their updates, which the help center's status page, banner and feed show. */
@AdminsOnly()
@Controller('status-notices/incidents')
export class StatusNoticesAdminController {
  constructor(private readonly statusNotices: StatusNoticesService) {}

  @Get()
  @ResponseBody(pageOf(incidentSchema))
  @ApiDescription('Incidents, open or resolved, the latest opened first, each with its updates.')
  list(@Query(new ZodValidationPipe(incidentListSchema)) query: IncidentListDto): Promise<PageOf<IncidentDto>> {
    return this.statusNotices.list(query);
  }

  @Get(':id')
  @ResponseBody(incidentSchema)
  get(@Param('id', new ZodValidationPipe(incidentIdSchema)) id: string): Promise<IncidentDto> {
    return this.statusNotices.get(id);
  }

  @Post()
  @ResponseBody(incidentSchema)
  @ApiDescription('Opens an incident with its first update (`text`); it shows in the banner until resolved.')
  open(@Body(new ZodValidationPipe(openIncidentSchema)) body: OpenIncidentDto): Promise<IncidentDto> {
    return this.statusNotices.open(body);
  }

  @Post(':id/updates')
  @ResponseBody(incidentSchema)
  @ApiDescription(
    'A dated update. The status stays or moves forward through investigating, identified, monitoring, resolved (422 `status_notices.status_backwards` otherwise); resolved closes the incident (422 `status_notices.incident_resolved` for any update after).',
  )
  postUpdate(
    @Param('id', new ZodValidationPipe(incidentIdSchema)) id: string,
    @Body(new ZodValidationPipe(postUpdateSchema)) body: PostUpdateDto,
  ): Promise<IncidentDto> {
    return this.statusNotices.postUpdate(id, body);
  }
}
