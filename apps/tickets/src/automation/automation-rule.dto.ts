import { z } from 'zod';
import { ticketChannels, ticketPriorities, ticketStatuses } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import { tagInput } from '../tickets/ticket.dto';
import { AutomationRuleEntity } from './automation-rule.entity';
import {
  ConditionField,
  conditionFields,
  ConditionOperator,
  conditionOperators,
  listOperators,
  RuleAction,
  RuleCondition,
  RuleTrigger,
  ruleTriggers,
} from './rule-engine';

/** Fields holding one value of a fixed set or an id: compared whole, never by part of their text. */
const wholeValueFields: readonly ConditionField[] = ['channel', 'priority', 'status', 'category', 'organization'];
const wholeValueOperators: readonly ConditionOperator[] = ['equals', 'not_equals', 'is_one_of', 'is_not_one_of'];

const allowedValues: Partial<Record<ConditionField, readonly string[]>> = {
  channel: ticketChannels,
  priority: ticketPriorities,
  status: ticketStatuses,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const conditionValue = z.string().trim().max(1000);

/** The problem with one value of a condition, if any; "" is a category's "none". */
function valueProblem(field: ConditionField, value: string): string | undefined {
  const allowed = allowedValues[field];
  if (allowed) return allowed.includes(value.toLowerCase()) ? undefined : `must be one of ${allowed.join(', ')}`;
  if (field === 'category') return value === '' || uuidPattern.test(value) ? undefined : 'must be a category id, or "" for none';
  if (field === 'organization') return uuidPattern.test(value) ? undefined : 'must be an organization id';
  return value === '' ? 'may not be empty' : undefined;
}

export const ruleConditionSchema = z
  .strictObject({
    field: z.enum(conditionFields),
    operator: z.enum(conditionOperators),
    /** One value, or a list for is_one_of and is_not_one_of. */
    value: z.union([conditionValue, z.array(conditionValue).min(1).max(100)]),
  })
  .superRefine(({ field, operator, value }, context) => {
    const takesList = listOperators.includes(operator);
    if (takesList !== Array.isArray(value)) {
      context.addIssue({ code: 'custom', path: ['value'], message: `${operator} takes ${takesList ? 'a list of values' : 'one value'}` });
      return;
    }
    if (wholeValueFields.includes(field) && !wholeValueOperators.includes(operator)) {
      context.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `${field} is compared whole: use ${wholeValueOperators.join(', ')}`,
      });
    }
    (Array.isArray(value) ? value : [value]).forEach((one, index) => {
      const problem = valueProblem(field, one);
      if (problem) context.addIssue({ code: 'custom', path: Array.isArray(value) ? ['value', index] : ['value'], message: problem });
    });
  });

export const ruleActionSchema = z.discriminatedUnion('type', [
  /** Mails the reply template to the requester (through identity when it names portal values). */
  z.strictObject({ type: z.literal('mail_template'), templateId: z.uuid() }),
  z.strictObject({ type: z.literal('set_priority'), priority: z.enum(ticketPriorities) }),
  /** null: no category. */
  z.strictObject({ type: z.literal('set_category'), categoryId: z.uuid().nullable() }),
  /** A ticket never becomes new again; a move the transitions forbid is skipped when the rule runs. */
  z.strictObject({ type: z.literal('set_status'), status: z.enum(ticketStatuses).exclude(['new']) }),
  /** An agent's id; null unassigns. */
  z.strictObject({ type: z.literal('set_assignee'), agentId: z.uuid().nullable() }),
  z.strictObject({ type: z.literal('add_tags'), tags: z.array(tagInput).min(1).max(30) }),
  z.strictObject({ type: z.literal('add_note'), text: z.string().trim().min(1).max(10_000) }),
]);

const ruleName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'may not contain control characters');

const ruleShape = {
  name: ruleName,
  trigger: z.enum(ruleTriggers),
  /** all: every condition must hold; any: one is enough; no conditions: always. */
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema).max(50),
  /** Run in order. */
  actions: z.array(ruleActionSchema).min(1).max(20),
  active: z.boolean(),
  /** When the rule fires, the rules after it are not run for that event. */
  stopsLaterRules: z.boolean(),
  /** 1-based place among all rules; past the end means last. */
  position: z.number().int().min(1).max(100_000),
};

export const createRuleSchema = z.strictObject({
  ...ruleShape,
  match: ruleShape.match.default('all'),
  conditions: ruleShape.conditions.default([]),
  active: ruleShape.active.default(true),
  stopsLaterRules: ruleShape.stopsLaterRules.default(false),
  /** By default the rule comes last. */
  position: ruleShape.position.optional(),
});

export type CreateRuleDto = z.output<typeof createRuleSchema>;

export const updateRuleSchema = z
  .strictObject(ruleShape)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export type UpdateRuleDto = z.output<typeof updateRuleSchema>;

export const ruleListSchema = pageQuerySchema.extend({
  trigger: z.enum(ruleTriggers).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export type RuleListDto = z.output<typeof ruleListSchema>;

/** A rule as stored: its conditions and actions passed the schemas above when they were saved. */
export const automationRuleResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    trigger: z.enum(ruleTriggers),
    match: z.enum(['all', 'any']),
    conditions: z.array(ruleConditionSchema),
    actions: z.array(ruleActionSchema),
    active: z.boolean(),
    stopsLaterRules: z.boolean(),
    position: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AutomationRule' }) satisfies z.ZodType<AutomationRuleDto>;

export interface AutomationRuleDto {
  id: string;
  name: string;
  trigger: RuleTrigger;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  active: boolean;
  stopsLaterRules: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export function toAutomationRule(rule: AutomationRuleEntity): AutomationRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    trigger: rule.trigger,
    match: rule.match,
    conditions: rule.conditions,
    actions: rule.actions,
    active: rule.active,
    stopsLaterRules: rule.stopsLaterRules,
    position: rule.position,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export const ruleVocabularySchema = z
  .object({
    triggers: z.array(z.enum(ruleTriggers)),
    conditionFields: z.array(z.enum(conditionFields)),
    conditionOperators: z.array(z.enum(conditionOperators)),
    listOperators: z.array(z.enum(conditionOperators)).describe('The operators whose value is a list.'),
    actionTypes: z.array(z.string()).describe('In the order a rule form offers them.'),
  })
  .meta({ id: 'AutomationRuleVocabulary' });

export type RuleVocabularyDto = z.infer<typeof ruleVocabularySchema>;

/** What a rule may say, read from the schemas rules are checked with, so a form offers exactly what is accepted. */
export const ruleVocabulary: RuleVocabularyDto = {
  triggers: [...ruleTriggers],
  conditionFields: [...conditionFields],
  conditionOperators: [...conditionOperators],
  listOperators: [...listOperators],
  actionTypes: ruleActionSchema.options.map((option) => option.shape.type.value),
};
