import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ChosenStatus = 'available' | 'away';

/** An agent as identity last described it (read model), with the presence the agent chose. */
@Entity('chat_agents')
export class AgentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ name: 'chat_capacity', type: 'integer' })
  chatCapacity!: number;

  @Column('boolean')
  active!: boolean;

  @Column({ name: 'known_at', type: 'timestamptz' })
  knownAt!: Date;

  /** What the agent chose; with no live connection the agent is offline whatever it chose. */
  @Column({ name: 'chosen_status', type: 'text' })
  chosenStatus!: ChosenStatus;

  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt!: Date | null;
}
