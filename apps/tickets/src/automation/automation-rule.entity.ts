import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RuleAction, RuleCondition, RuleTrigger } from './rule-engine';

/** An automation rule as stored; its conditions and actions were validated when it was saved. */
@Entity('automation_rules')
export class AutomationRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  trigger!: RuleTrigger;

  @Column('text')
  match!: 'all' | 'any';

  @Column('jsonb')
  conditions!: RuleCondition[];

  @Column('jsonb')
  actions!: RuleAction[];

  @Column('boolean')
  active!: boolean;

  @Column('boolean', { name: 'stops_later_rules' })
  stopsLaterRules!: boolean;

  /** 1, 2, …: the order rules run in, whatever their trigger. */
  @Column('integer')
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
