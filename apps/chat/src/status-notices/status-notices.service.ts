import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PageOf } from '@helpgate/platform';
import {
  BannerIncidentDto,
  IncidentDto,
  IncidentListDto,
  OpenIncidentDto,
  PostUpdateDto,
  StatusPageDto,
  toBannerIncident,
  toIncident,
} from './incident.dto';
import { statusChangeRefusal } from './incident-status';
import { renderStatusFeed } from './status-feed';
import { StatusNoticesErrorCode, StatusNoticesException } from './status-notices.exception';
import { StatusNoticesRepository } from './status-notices.repository';
import { STATUS_NOTICES_SETTINGS, StatusNoticesSettings } from './status-notices.settings';

const dayMs = 86_400_000;

/** Service incidents: admins open them and post updates; the help center shows them as a page, a banner and a feed. */
@Injectable()
export class StatusNoticesService {
  private readonly logger = new Logger(StatusNoticesService.name);

  constructor(
    private readonly incidents: StatusNoticesRepository,
    @Inject(STATUS_NOTICES_SETTINGS) private readonly settings: StatusNoticesSettings,
  ) {}

  async open({ text, ...incident }: OpenIncidentDto): Promise<IncidentDto> {
    const opened = await this.incidents.transaction(async (manager) => {
      const id = await this.incidents.insert(incident, { status: incident.status, text, postedAt: new Date() }, manager);
      return (await this.incidents.find(id, manager))!;
    });
    this.logger.log({ incidentId: opened.incident.id, feature: incident.feature, status: incident.status }, 'incident opened');
    return toIncident(opened);
  }

  /** A dated update: the status stays or moves forward (see `statusChangeRefusal`); `resolved` closes the incident. */
  async postUpdate(id: string, update: PostUpdateDto): Promise<IncidentDto> {
    const updated = await this.incidents.transaction(async (manager) => {
      const incident = await this.incidents.lock(id, manager);
      if (!incident) throw notFound(id);
      const refusal = statusChangeRefusal(incident.status, update.status);
      if (refusal) throw new StatusNoticesException(refusal.code, `Incident ${id} cannot move to ${update.status}: ${refusal.reason}`);
      await this.incidents.addUpdate(id, { ...update, postedAt: new Date() }, manager);
      return (await this.incidents.find(id, manager))!;
    });
    this.logger.log({ incidentId: id, status: update.status }, 'incident updated');
    return toIncident(updated);
  }

  async list({ state, limit, offset }: IncidentListDto): Promise<PageOf<IncidentDto>> {
    const [incidents, total] = await this.incidents.list(state, { limit, offset });
    return { items: incidents.map(toIncident), total, limit, offset };
  }

  async get(id: string): Promise<IncidentDto> {
    const incident = await this.incidents.find(id);
    if (!incident) throw notFound(id);
    return toIncident(incident);
  }

  async statusPage(): Promise<StatusPageDto> {
    return { incidents: (await this.shownIncidents()).map(toIncident), resolvedShownDays: this.settings.resolvedShownDays };
  }

  async banner(): Promise<BannerIncidentDto[]> {
    return (await this.incidents.shown(null)).map(toBannerIncident);
  }

  /** RSS 2.0 of what the status page shows, one item per update. */
  async feed(): Promise<string> {
    const incidents = await this.shownIncidents();
    const channel = {
      title: 'Service status',
      link: `${this.settings.publicUrl}/status`,
      description: 'Incidents affecting the service and every update on them.',
    };
    return renderStatusFeed(
      channel,
      incidents.map(({ incident, updates }) => ({ ...incident, updates })),
    );
  }

  private shownIncidents() {
    return this.incidents.shown(new Date(Date.now() - this.settings.resolvedShownDays * dayMs));
  }
}

function notFound(id: string): StatusNoticesException {
  return new StatusNoticesException(StatusNoticesErrorCode.IncidentNotFound, `No incident ${id}`);
}
