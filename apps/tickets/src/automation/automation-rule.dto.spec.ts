import { createRuleSchema, ruleActionSchema, ruleConditionSchema } from './automation-rule.dto';

const problemsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('rule conditions', () => {
  const condition = (field: string, operator: string, value: unknown) =>
    problemsOf(ruleConditionSchema.safeParse({ field, operator, value }));

  it('accepts text operators on text and tags, and whole-value operators on fixed values and ids', () => {
    expect(condition('subject', 'starts_with', '[Portal')).toEqual([]);
    expect(condition('tags', 'contains', 'vip')).toEqual([]);
    expect(condition('priority', 'is_one_of', ['HIGH', 'urgent'])).toEqual([]);
    expect(condition('category', 'equals', '')).toEqual([]);
    expect(condition('organization', 'not_equals', '6f1c0a52-3a7b-4c1e-9d4f-2b8e7a6c5d4e')).toEqual([]);
  });

  it('refuses an operator that does not apply to the field', () => {
    expect(condition('priority', 'contains', 'high')).toEqual([
      'operator: priority is compared whole: use equals, not_equals, is_one_of, is_not_one_of',
    ]);
  });

  it('wants a list for is_one_of and one value for the others', () => {
    expect(condition('status', 'is_one_of', 'open')).toEqual(['value: is_one_of takes a list of values']);
    expect(condition('subject', 'equals', ['a', 'b'])).toEqual(['value: equals takes one value']);
  });

  it('refuses values a field can never have, naming each', () => {
    expect(condition('priority', 'is_one_of', ['high', 'critical'])).toEqual(['value.1: must be one of low, normal, high, urgent']);
    expect(condition('channel', 'equals', 'fax')).toEqual(['value: must be one of email, chat, web']);
    expect(condition('category', 'equals', 'billing')).toEqual(['value: must be a category id, or "" for none']);
    expect(condition('body', 'contains', '  ')).toEqual(['value: may not be empty']);
  });
});

describe('rule actions and rules', () => {
  it('refuses a status no ticket can be moved to and tags in the wrong form', () => {
    expect(ruleActionSchema.safeParse({ type: 'set_status', status: 'new' }).success).toBe(false);
    expect(ruleActionSchema.safeParse({ type: 'set_status', status: 'pending' }).success).toBe(true);
    expect(ruleActionSchema.safeParse({ type: 'add_tags', tags: ['not a tag'] }).success).toBe(false);
    expect(ruleActionSchema.safeParse({ type: 'reboot' }).success).toBe(false);
  });

  it('fills the defaults of a new rule and needs at least one action', () => {
    expect(createRuleSchema.parse({ name: 'Tag VIPs', trigger: 'ticket_created', actions: [{ type: 'add_tags', tags: ['vip'] }] })).toEqual(
      {
        name: 'Tag VIPs',
        trigger: 'ticket_created',
        match: 'all',
        conditions: [],
        actions: [{ type: 'add_tags', tags: ['vip'] }],
        active: true,
        stopsLaterRules: false,
      },
    );
    expect(createRuleSchema.safeParse({ name: 'Nothing', trigger: 'ticket_created', actions: [] }).success).toBe(false);
  });
});
