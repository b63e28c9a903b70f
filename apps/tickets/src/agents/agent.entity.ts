import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agent as identity last described it (read model; identity owns the staff). */
@Entity('agents')
export class AgentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Deactivated agents keep their name on the tickets they worked on, but take no new ones. */
  @Column('boolean')
  active!: boolean;

  @Column({ name: 'known_at', type: 'timestamptz' })
  knownAt!: Date;
}
