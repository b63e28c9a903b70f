import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import type { Page } from '@helpgate/platform';
import type { IncidentWithUpdates } from './incident.dto';
import type { IncidentStatus } from './incident-status';
import { IncidentUpdateEntity } from './incident-update.entity';
import { IncidentEntity } from './incident.entity';

export type NewIncident = Pick<IncidentEntity, 'title' | 'feature' | 'region' | 'status'>;

export interface NewUpdate {
  status: IncidentStatus;
  text: string;
  postedAt: Date;
}

@Injectable()
export class StatusNoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The incident, locked until the transaction ends, so updates to it are numbered and checked one at a time. */
  async lock(id: string, manager: EntityManager): Promise<IncidentEntity | null> {
    return manager.getRepository(IncidentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts the incident with its first update; its id. */
  async insert(incident: NewIncident, firstUpdate: NewUpdate, manager: EntityManager): Promise<string> {
    const { identifiers } = await manager.getRepository(IncidentEntity).insert({
      ...incident,
      openedAt: firstUpdate.postedAt,
      resolvedAt: null,
      updatedAt: firstUpdate.postedAt,
    });
    const id = identifiers[0]!.id as string;
    await manager.getRepository(IncidentUpdateEntity).insert({ ...firstUpdate, incidentId: id, position: 1 });
    return id;
  }

  /** Adds the next update of a locked incident and moves the incident to its status (resolving it closes it). */
  async addUpdate(incidentId: string, update: NewUpdate, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO status_incident_updates (incident_id, position, status, text, posted_at)
       SELECT $1, COALESCE(max(position), 0) + 1, $2, $3, $4 FROM status_incident_updates WHERE incident_id = $1`,
      [incidentId, update.status, update.text, update.postedAt],
    );
    await manager
      .getRepository(IncidentEntity)
      .update(
        { id: incidentId },
        { status: update.status, updatedAt: update.postedAt, resolvedAt: update.status === 'resolved' ? update.postedAt : null },
      );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<IncidentWithUpdates | null> {
    const incident = await manager.getRepository(IncidentEntity).findOneBy({ id });
    return incident ? (await this.withUpdates([incident], manager))[0]! : null;
  }

  /** The latest opened first. */
  async list(state: 'open' | 'resolved' | undefined, page: Page): Promise<[IncidentWithUpdates[], number]> {
    const where = state === undefined ? {} : { resolvedAt: state === 'open' ? IsNull() : Not(IsNull()) };
    const [incidents, total] = await this.dataSource
      .getRepository(IncidentEntity)
      .findAndCount({ where, order: { openedAt: 'DESC', id: 'ASC' }, take: page.limit, skip: page.offset });
    return [await this.withUpdates(incidents), total];
  }

  /** The open incidents, the latest opened first, then (with `resolvedSince`) those resolved since, the latest first. */
  async shown(resolvedSince: Date | null): Promise<IncidentWithUpdates[]> {
    const incidents = this.dataSource.getRepository(IncidentEntity);
    const open = await incidents.find({ where: { resolvedAt: IsNull() }, order: { openedAt: 'DESC', id: 'ASC' } });
    const resolved = resolvedSince
      ? await incidents
          .createQueryBuilder('incident')
          .where('incident.resolvedAt >= :resolvedSince', { resolvedSince })
          .orderBy('incident.resolvedAt', 'DESC')
          .addOrderBy('incident.id')
          .getMany()
      : [];
    return this.withUpdates([...open, ...resolved]);
  }

  /** Each incident with its updates, the latest first, read in one query. */
  private async withUpdates(incidents: IncidentEntity[], manager: EntityManager = this.dataSource.manager): Promise<IncidentWithUpdates[]> {
    const updates = incidents.length
      ? await manager
          .getRepository(IncidentUpdateEntity)
          .find({ where: { incidentId: In(incidents.map((incident) => incident.id)) }, order: { position: 'DESC' } })
      : [];
    return incidents.map((incident) => ({ incident, updates: updates.filter((update) => update.incidentId === incident.id) }));
  }
}
