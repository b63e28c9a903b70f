/**
 * Automation rules as pure data and logic: which rules fire for a ticket event, in order, and what they ask for.
 * Applying the outcome (changing the ticket, mailing, adding notes) is the caller's work, under a rule actor whose
 * changes never run the rules again, so a rule cannot retrigger itself or another in a loop.
 */
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

/** Operators that take a list of values; the others take one. */
export const listOperators: readonly ConditionOperator[] = ['is_one_of', 'is_not_one_of'];

export interface RuleCondition {
  field: ConditionField;
  operator: ConditionOperator;
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

export interface AutomationRule {
  id: string;
  trigger: RuleTrigger;
  /** `all`: every condition must hold; `any`: one is enough. No conditions: always. */
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  /** When it fires, the rules after it are not considered for this event. */
  stopsLaterRules: boolean;
}

/** What the conditions look at: the ticket as it is after the event and after the rules before have acted. */
export interface RuleFacts {
  subject: string;
  /** The text of the message the event is about (the first message of a new ticket). */
  body: string;
  channel: string;
  requesterEmail: string;
  organizationId: string | null;
  priority: string;
  categoryId: string | null;
  status: string;
  tags: string[];
}

export interface TicketChangesAsked {
  status?: string;
  priority?: string;
  categoryId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
}

export type RuleEffect = { type: 'mail_template'; templateId: string; ruleId: string } | { type: 'add_note'; text: string; ruleId: string };

export interface RulesOutcome {
  firedRuleIds: string[];
  changes: TicketChangesAsked;
  effects: RuleEffect[];
}

/** One rule that fires: what it asks for, and the facts as they are once all of it is applied. */
export interface RuleFiring {
  ruleId: string;
  changes: TicketChangesAsked;
  effects: RuleEffect[];
  facts: RuleFacts;
}

/**
 * Fires the rules (active ones, in their order) for one event, one at a time; each rule fires at most once. Whoever
 * applies a firing gives back the facts as they really are afterwards (a status move may have been refused), and the
 * rules after it look at those; given nothing back, they see everything asked as done.
 */
export function* fireRules(
  rules: readonly AutomationRule[],
  trigger: RuleTrigger,
  facts: RuleFacts,
): Generator<RuleFiring, void, RuleFacts | undefined> {
  let current = { ...facts, tags: [...facts.tags] };
  for (const rule of rules) {
    if (rule.trigger !== trigger || !ruleMatches(rule, current)) continue;
    const firing: RuleFiring = { ruleId: rule.id, changes: {}, effects: [], facts: current };
    for (const action of rule.actions) firing.facts = applyAction(action, rule.id, firing.facts, firing);
    current = (yield firing) ?? firing.facts;
    if (rule.stopsLaterRules) return;
  }
}

/** Runs the rules (active ones, in their order) for one event as if everything they ask were applied. */
export function runRules(rules: readonly AutomationRule[], trigger: RuleTrigger, facts: RuleFacts): RulesOutcome {
  const outcome: RulesOutcome = { firedRuleIds: [], changes: {}, effects: [] };
  for (const firing of fireRules(rules, trigger, facts)) {
    outcome.firedRuleIds.push(firing.ruleId);
    Object.assign(outcome.changes, firing.changes);
    outcome.effects.push(...firing.effects);
  }
  return outcome;
}

export function ruleMatches(rule: Pick<AutomationRule, 'match' | 'conditions'>, facts: RuleFacts): boolean {
  if (rule.conditions.length === 0) return true;
  const holds = (condition: RuleCondition) => conditionHolds(condition, facts);
  return rule.match === 'all' ? rule.conditions.every(holds) : rule.conditions.some(holds);
}

export function conditionHolds({ field, operator, value }: RuleCondition, facts: RuleFacts): boolean {
  const expected = (Array.isArray(value) ? value : [value]).map(comparable);
  if (field === 'tags') return tagsMatch(facts.tags.map(comparable), operator, expected);
  const actual = comparable(factOf(field, facts));
  const first = expected[0] ?? '';
  switch (operator) {
    case 'equals':
      return actual === first;
    case 'not_equals':
      return actual !== first;
    case 'contains':
      return actual.includes(first);
    case 'not_contains':
      return !actual.includes(first);
    case 'starts_with':
      return actual.startsWith(first);
    case 'ends_with':
      return actual.endsWith(first);
    case 'is_one_of':
      return expected.includes(actual);
    case 'is_not_one_of':
      return !expected.includes(actual);
  }
}

function tagsMatch(tags: string[], operator: ConditionOperator, expected: string[]): boolean {
  const first = expected[0] ?? '';
  switch (operator) {
    case 'equals':
      return tags.length === expected.length && expected.every((tag) => tags.includes(tag));
    case 'not_equals':
      return !tagsMatch(tags, 'equals', expected);
    case 'contains':
      return tags.includes(first);
    case 'not_contains':
      return !tags.includes(first);
    case 'starts_with':
      return tags.some((tag) => tag.startsWith(first));
    case 'ends_with':
      return tags.some((tag) => tag.endsWith(first));
    case 'is_one_of':
      return expected.some((tag) => tags.includes(tag));
    case 'is_not_one_of':
      return !expected.some((tag) => tags.includes(tag));
  }
}

function factOf(field: Exclude<ConditionField, 'tags'>, facts: RuleFacts): string {
  switch (field) {
    case 'subject':
      return facts.subject;
    case 'body':
      return facts.body;
    case 'channel':
      return facts.channel;
    case 'requester_email':
      return facts.requesterEmail;
    case 'requester_domain':
      return facts.requesterEmail.slice(facts.requesterEmail.lastIndexOf('@') + 1);
    case 'organization':
      return facts.organizationId ?? '';
    case 'priority':
      return facts.priority;
    case 'category':
      return facts.categoryId ?? '';
    case 'status':
      return facts.status;
  }
}

/** Text compared as people read it: case, surrounding spaces and Unicode composition do not matter. */
function comparable(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function applyAction(action: RuleAction, ruleId: string, facts: RuleFacts, outcome: Pick<RulesOutcome, 'changes' | 'effects'>): RuleFacts {
  switch (action.type) {
    case 'set_priority':
      outcome.changes.priority = action.priority;
      return { ...facts, priority: action.priority };
    case 'set_category':
      outcome.changes.categoryId = action.categoryId;
      return { ...facts, categoryId: action.categoryId };
    case 'set_status':
      outcome.changes.status = action.status;
      return { ...facts, status: action.status };
    case 'set_assignee':
      outcome.changes.assigneeId = action.agentId;
      return facts;
    case 'add_tags': {
      const tags = [...new Set([...facts.tags, ...action.tags])];
      outcome.changes.tags = tags;
      return { ...facts, tags };
    }
    case 'mail_template':
      outcome.effects.push({ type: 'mail_template', templateId: action.templateId, ruleId });
      return facts;
    case 'add_note':
      outcome.effects.push({ type: 'add_note', text: action.text, ruleId });
      return facts;
  }
}
