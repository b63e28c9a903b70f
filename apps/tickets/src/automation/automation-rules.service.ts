import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PageOf } from '@helpgate/platform';
import { AgentDirectoryService } from '../agents/agent-directory.service';
import { CategoriesService } from '../categories/categories.service';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { ReplyTemplatesService } from '../reply-templates/reply-templates.service';
import {
  AutomationRuleDto,
  CreateRuleDto,
  RuleListDto,
  ruleVocabulary,
  RuleVocabularyDto,
  toAutomationRule,
  UpdateRuleDto,
} from './automation-rule.dto';
import { AutomationRulesRepository } from './automation-rules.repository';
import type { RuleAction, RuleCondition } from './rule-engine';
import { movedTo } from './rule-order';

/** Admins write the rules and their order; what a rule names (templates, categories) must exist when it is saved. */
@Injectable()
export class AutomationRulesService {
  private readonly logger = new Logger(AutomationRulesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: AutomationRulesRepository,
    private readonly templates: ReplyTemplatesService,
    private readonly categories: CategoriesService,
    private readonly agents: AgentDirectoryService,
  ) {}

  vocabulary(): RuleVocabularyDto {
    return ruleVocabulary;
  }

  async list({ trigger, active, limit, offset }: RuleListDto): Promise<PageOf<AutomationRuleDto>> {
    const [rules, total] = await this.rules.list({ trigger, active }, { limit, offset });
    return { items: rules.map(toAutomationRule), total, limit, offset };
  }

  async get(id: string): Promise<AutomationRuleDto> {
    const rule = await this.rules.findById(id);
    if (!rule) throw ruleNotFound(id);
    return toAutomationRule(rule);
  }

  async create({ position, ...fields }: CreateRuleDto): Promise<AutomationRuleDto> {
    await this.requireReferencesExist(fields.conditions, fields.actions);
    const id = await this.dataSource.transaction(async (manager) => {
      const order = await this.rules.lockedOrder(manager);
      const created = await this.rules.insert(fields, order.length + 1, manager);
      if (position !== undefined) await this.rules.writeOrder(movedTo(order, created, position), manager);
      return created;
    });
    this.logger.log({ ruleId: id, trigger: fields.trigger }, 'automation rule created');
    return this.get(id);
  }

  /** Changes the rule; a `position` moves it there, the others keeping their order. */
  async update(id: string, { position, ...fields }: UpdateRuleDto): Promise<AutomationRuleDto> {
    await this.requireReferencesExist(fields.conditions ?? [], fields.actions ?? []);
    await this.dataSource.transaction(async (manager) => {
      const order = await this.rules.lockedOrder(manager);
      if (!order.includes(id)) throw ruleNotFound(id);
      await this.rules.update(id, fields, manager);
      if (position !== undefined) await this.rules.writeOrder(movedTo(order, id, position), manager);
    });
    this.logger.log({ ruleId: id, fields: Object.keys(fields), position }, 'automation rule changed');
    return this.get(id);
  }

  /** Removes the rule; the history of what it did stays on the tickets. */
  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.rules.lockedOrder(manager);
      if (!order.includes(id)) throw ruleNotFound(id);
      await this.rules.delete(id, manager);
      await this.rules.writeOrder(
        order.filter((candidate) => candidate !== id),
        manager,
      );
    });
    this.logger.log({ ruleId: id }, 'automation rule deleted');
  }

  /**
   * Templates a rule mails must be active, categories and assignees it sets active, categories it compares with must
   * exist.
   */
  private async requireReferencesExist(conditions: RuleCondition[], actions: RuleAction[]): Promise<void> {
    const templateIds = actions.flatMap((action) => (action.type === 'mail_template' ? [action.templateId] : []));
    await this.templates.requireAllActive(templateIds);
    const { manager } = this.dataSource;
    for (const action of actions) {
      if (action.type === 'set_category' && action.categoryId) await this.categories.requireAssignable(action.categoryId, manager);
      if (action.type === 'set_assignee' && action.agentId) await this.agents.requireAssignable(action.agentId, manager);
    }
    const comparedCategories = conditions
      .filter((condition) => condition.field === 'category')
      .flatMap((condition) => (Array.isArray(condition.value) ? condition.value : [condition.value]))
      .filter((value) => value !== '');
    await this.categories.requireExisting(comparedCategories);
  }
}

function ruleNotFound(id: string): TicketsException {
  return new TicketsException(TicketsErrorCode.AutomationRuleNotFound, `No automation rule ${id}`);
}
