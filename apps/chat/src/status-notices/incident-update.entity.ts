import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IncidentStatus } from './incident-status';

/** One dated update of an incident: the status it moved to (or stayed at) and what the team says. */
@Entity('status_incident_updates')
export class IncidentUpdateEntity {
  @PrimaryColumn('uuid', { name: 'incident_id' })
  incidentId!: string;

  /** 1 for the update the incident was opened with, then one more per update: the feed's guid. */
  @PrimaryColumn('int')
  position!: number;

  @Column('text')
  status!: IncidentStatus;

  @Column('text')
  text!: string;

  @Column('timestamptz', { name: 'posted_at' })
  postedAt!: Date;
}
