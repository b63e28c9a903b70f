import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { oncePerTransaction } from '@helpgate/database';
import type { Page } from '@helpgate/platform';
import { AutomationRuleEntity } from './automation-rule.entity';
import type { RuleTrigger } from './rule-engine';

export type RuleFields = Pick<AutomationRuleEntity, 'name' | 'trigger' | 'match' | 'conditions' | 'actions' | 'active' | 'stopsLaterRules'>;

@Injectable()
export class AutomationRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they run. */
  async list(filter: { trigger?: RuleTrigger; active?: boolean }, page: Page): Promise<[AutomationRuleEntity[], number]> {
    return this.dataSource.getRepository(AutomationRuleEntity).findAndCount({
      where: { ...(filter.trigger ? { trigger: filter.trigger } : {}), ...(filter.active === undefined ? {} : { active: filter.active }) },
      order: { position: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AutomationRuleEntity | null> {
    return manager.getRepository(AutomationRuleEntity).findOneBy({ id });
  }

  /**
   * The active rules of a trigger, in the order they run; read once per transaction (a batch of mail runs them on
   * every ticket it opens, and nothing the rules do changes them).
   */
  async activeFor(trigger: RuleTrigger, manager: EntityManager): Promise<AutomationRuleEntity[]> {
    return oncePerTransaction(manager, `active-automation-rules:${trigger}`, () =>
      manager.getRepository(AutomationRuleEntity).find({ where: { trigger, active: true }, order: { position: 'ASC' } }),
    );
  }

  /**
   * Every rule's id in the order they run, with the order locked against other writers until the transaction ends
   * (rules are still read meanwhile).
   */
  async lockedOrder(manager: EntityManager): Promise<string[]> {
    await manager.query('LOCK TABLE automation_rules IN SHARE ROW EXCLUSIVE MODE');
    const rows: { id: string }[] = await manager.query('SELECT id FROM automation_rules ORDER BY position');
    return rows.map((row) => row.id);
  }

  async insert(fields: RuleFields, position: number, manager: EntityManager): Promise<string> {
    const { identifiers } = await manager.getRepository(AutomationRuleEntity).insert({ ...fields, position });
    return identifiers[0].id as string;
  }

  async update(id: string, fields: Partial<RuleFields>, manager: EntityManager): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await manager.getRepository(AutomationRuleEntity).update({ id }, fields);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AutomationRuleEntity).delete({ id });
  }

  /** Numbers the rules 1, 2, … in the order given (positions are checked for uniqueness at commit). */
  async writeOrder(ids: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE automation_rules rule SET position = wanted.position
         FROM unnest($1::uuid[]) WITH ORDINALITY AS wanted (id, position)
        WHERE rule.id = wanted.id AND rule.position <> wanted.position`,
      [ids],
    );
  }
}
