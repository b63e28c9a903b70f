import type { ActionType, RuleAction, RuleCondition } from './rule-types';

/**
 * A condition or action as the rule form edits it: one text per row (a select's value or what was typed), turned into
 * what tickets takes on saving. Tickets validates the values; the form only shapes them.
 */
export interface ConditionDraft {
  field: string;
  operator: string;
  /** Several values, for "is one of", separated by commas. */
  value: string;
}

export interface ActionDraft {
  type: ActionType;
  /** The template, priority, category, status or agent chosen ("" for none), the tags separated by commas, or the note. */
  value: string;
}

const commaSeparated = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function conditionDraft(condition: RuleCondition): ConditionDraft {
  const { field, operator, value } = condition;
  return { field, operator, value: Array.isArray(value) ? value.join(', ') : value };
}

/** The condition tickets takes; `listOperators` (from tickets' rule vocabulary) are those whose value is a list. */
export function conditionOf({ field, operator, value }: ConditionDraft, listOperators: readonly string[]): RuleCondition {
  return { field, operator, value: listOperators.includes(operator) ? commaSeparated(value) : value.trim() };
}

export function actionDraft(action: RuleAction): ActionDraft {
  switch (action.type) {
    case 'mail_template':
      return { type: action.type, value: action.templateId };
    case 'set_priority':
      return { type: action.type, value: action.priority };
    case 'set_category':
      return { type: action.type, value: action.categoryId ?? '' };
    case 'set_status':
      return { type: action.type, value: action.status };
    case 'set_assignee':
      return { type: action.type, value: action.agentId ?? '' };
    case 'add_tags':
      return { type: action.type, value: action.tags.join(', ') };
    case 'add_note':
      return { type: action.type, value: action.text };
  }
}

export function actionOf({ type, value }: ActionDraft): RuleAction {
  switch (type) {
    case 'mail_template':
      return { type, templateId: value };
    case 'set_priority':
      return { type, priority: value };
    case 'set_category':
      return { type, categoryId: value || null };
    case 'set_status':
      return { type, status: value };
    case 'set_assignee':
      return { type, agentId: value || null };
    case 'add_tags':
      return { type, tags: commaSeparated(value) };
    case 'add_note':
      return { type, text: value };
  }
}
