/** What tickets answers and takes for an automation rule (apps/tickets/src/automation/automation-rule.dto.ts). */
export const ruleTriggers = ['ticket_created', 'ticket_updated', 'message_received'] as const;
export type RuleTrigger = (typeof ruleTriggers)[number];

export const conditionFields = [
  'subject',
  'body',
  'channel',
  'requester_email',
  'requester_domain',
  'organization',
  'priority',
  'category',
  'status',
  'tags',
] as const;
export type ConditionField = (typeof conditionFields)[number];

export const conditionOperators = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'is_one_of',
  'is_not_one_of',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export interface RuleCondition {
  field: ConditionField;
  operator: ConditionOperator;
  value: string | string[];
}

export const actionTypes = ['mail_template', 'set_priority', 'set_category', 'set_status', 'set_assignee', 'add_tags', 'add_note'] as const;
export type ActionType = (typeof actionTypes)[number];

export type RuleAction =
  | { type: 'mail_template'; templateId: string }
  | { type: 'set_priority'; priority: string }
  | { type: 'set_category'; categoryId: string | null }
  | { type: 'set_status'; status: string }
  | { type: 'set_assignee'; agentId: string | null }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'add_note'; text: string };

export interface AutomationRule {
  id: string;
  name: string;
  trigger: RuleTrigger;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  active: boolean;
  stopsLaterRules: boolean;
  position: number;
}
