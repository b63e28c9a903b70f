import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentStatus } from './incident-status';

/** A service incident shown in the help center: open until an update resolves it. */
@Entity('status_incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** The affected feature, as the ticket categories name it (free text). */
  @Column('text')
  feature!: string;

  @Column('text', { nullable: true })
  region!: string | null;

  /** The status of its latest update. */
  @Column('text')
  status!: IncidentStatus;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  /** When an update resolved it; null while open. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  /** When its latest update was posted. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
