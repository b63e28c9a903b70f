/** What tickets answers and takes for an automation rule (apps/tickets/src/automation/automation-rule.dto.ts). */

/** The triggers, condition fields, operators and action types a rule may use: tickets' `GET /automation-rules/vocabulary`. */
export interface RuleVocabulary {
  triggers: string[];
  conditionFields: string[];
  conditionOperators: string[];
  /** The operators whose value is a list. */
  listOperators: string[];
  actionTypes: ActionType[];
}

export interface RuleCondition {
  field: string;
  operator: string;
  value: string | string[];
}

export type RuleAction =
  | { type: 'mail_template'; templateId: string }
  | { type: 'set_priority'; priority: string }
  | { type: 'set_category'; categoryId: string | null }
  | { type: 'set_status'; status: string }
  | { type: 'set_assignee'; agentId: string | null }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'add_note'; text: string };

export type ActionType = RuleAction['type'];

export interface AutomationRule {
  id: string;
  name: string;
  trigger: string;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  active: boolean;
  stopsLaterRules: boolean;
  position: number;
}
