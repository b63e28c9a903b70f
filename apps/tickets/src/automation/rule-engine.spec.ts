import { AutomationRule, conditionHolds, fireRules, RuleFacts, runRules } from './rule-engine';

const facts: RuleFacts = {
  subject: '[Portal credentials]',
  body: 'Please send me my access.',
  channel: 'email',
  requesterEmail: 'jane@acme.test',
  organizationId: 'org-acme',
  priority: 'normal',
  categoryId: null,
  status: 'new',
  tags: ['vip'],
};

const rule = (overrides: Partial<AutomationRule> & Pick<AutomationRule, 'id'>): AutomationRule => ({
  trigger: 'ticket_created',
  match: 'all',
  conditions: [],
  actions: [],
  stopsLaterRules: false,
  ...overrides,
});

describe('conditionHolds', () => {
  const holds = (
    field: Parameters<typeof conditionHolds>[0]['field'],
    operator: Parameters<typeof conditionHolds>[0]['operator'],
    value: string | string[],
  ) => conditionHolds({ field, operator, value }, facts);

  it('compares text ignoring case, surrounding spaces and composition', () => {
    expect(holds('subject', 'equals', ' [portal CREDENTIALS] ')).toBe(true);
    expect(holds('subject', 'not_equals', '[Portal credentials]')).toBe(false);
    expect(holds('body', 'contains', 'MY ACCESS')).toBe(true);
    expect(holds('body', 'not_contains', 'refund')).toBe(true);
    expect(holds('subject', 'starts_with', '[portal')).toBe(true);
    expect(holds('requester_email', 'ends_with', '@acme.test')).toBe(true);
    expect(holds('subject', 'equals', 'Cafe\u0301')).toBe(false);
    expect(conditionHolds({ field: 'subject', operator: 'equals', value: 'Cafe\u0301' }, { ...facts, subject: 'Caf\u00e9' })).toBe(true);
  });

  it('reads the requester domain from the address, and compares lists', () => {
    expect(holds('requester_domain', 'is_one_of', ['example.test', 'ACME.test'])).toBe(true);
    expect(holds('priority', 'is_not_one_of', ['high', 'urgent'])).toBe(true);
    expect(holds('channel', 'equals', 'chat')).toBe(false);
  });

  it('treats a missing category or organization as empty', () => {
    expect(holds('category', 'equals', '')).toBe(true);
    expect(holds('organization', 'equals', 'org-acme')).toBe(true);
  });

  it('matches tags as a set', () => {
    expect(holds('tags', 'contains', 'VIP')).toBe(true);
    expect(holds('tags', 'not_contains', 'vip')).toBe(false);
    expect(holds('tags', 'is_one_of', ['billing', 'vip'])).toBe(true);
    expect(holds('tags', 'is_not_one_of', ['billing'])).toBe(true);
    expect(holds('tags', 'equals', ['vip'])).toBe(true);
    expect(holds('tags', 'starts_with', 'v')).toBe(true);
  });
});

describe('runRules', () => {
  it('fires the rules of the trigger whose conditions hold, in order, each seeing what the ones before changed', () => {
    const rules = [
      rule({
        id: 'credentials',
        conditions: [{ field: 'subject', operator: 'equals', value: '[Portal credentials]' }],
        actions: [
          { type: 'mail_template', templateId: 'portal-credentials' },
          { type: 'set_priority', priority: 'high' },
        ],
      }),
      rule({ id: 'on-update', trigger: 'ticket_updated', actions: [{ type: 'add_tags', tags: ['never'] }] }),
      rule({
        id: 'high-gets-tag',
        conditions: [{ field: 'priority', operator: 'equals', value: 'high' }],
        actions: [
          { type: 'add_tags', tags: ['escalated', 'vip'] },
          { type: 'add_note', text: 'Escalated by rule' },
        ],
      }),
    ];
    expect(runRules(rules, 'ticket_created', facts)).toEqual({
      firedRuleIds: ['credentials', 'high-gets-tag'],
      changes: { priority: 'high', tags: ['vip', 'escalated'] },
      effects: [
        { type: 'mail_template', templateId: 'portal-credentials', ruleId: 'credentials' },
        { type: 'add_note', text: 'Escalated by rule', ruleId: 'high-gets-tag' },
      ],
    });
  });

  it('stops at a rule that says so', () => {
    const rules = [
      rule({ id: 'first', actions: [{ type: 'set_status', status: 'open' }], stopsLaterRules: true }),
      rule({ id: 'second', actions: [{ type: 'set_assignee', agentId: 'agent-1' }] }),
    ];
    expect(runRules(rules, 'ticket_created', facts)).toEqual({ firedRuleIds: ['first'], changes: { status: 'open' }, effects: [] });
  });

  it('needs every condition under "all" and one under "any"', () => {
    const conditions = [
      { field: 'channel' as const, operator: 'equals' as const, value: 'email' },
      { field: 'priority' as const, operator: 'equals' as const, value: 'urgent' },
    ];
    const action = [{ type: 'set_category' as const, categoryId: 'cat-1' }];
    expect(runRules([rule({ id: 'all', conditions, actions: action })], 'ticket_created', facts).firedRuleIds).toEqual([]);
    expect(runRules([rule({ id: 'any', match: 'any', conditions, actions: action })], 'ticket_created', facts).firedRuleIds).toEqual([
      'any',
    ]);
  });

  it('fires nothing and asks for nothing when no rule applies', () => {
    expect(runRules([], 'message_received', facts)).toEqual({ firedRuleIds: [], changes: {}, effects: [] });
  });
});

describe('fireRules', () => {
  it('lets the later rules see the ticket as it really is after each firing, not as the rule asked', () => {
    const rules = [
      rule({
        id: 'close',
        actions: [
          { type: 'set_status', status: 'closed' },
          { type: 'add_tags', tags: ['done'] },
        ],
      }),
      rule({
        id: 'when-closed',
        conditions: [{ field: 'status', operator: 'equals', value: 'closed' }],
        actions: [{ type: 'add_note', text: 'x' }],
      }),
      rule({
        id: 'when-new',
        conditions: [{ field: 'status', operator: 'equals', value: 'new' }],
        actions: [{ type: 'add_tags', tags: ['fresh'] }],
      }),
    ];
    const firings = fireRules(rules, 'ticket_created', facts);
    const first = firings.next();
    expect(first.value).toEqual({
      ruleId: 'close',
      changes: { status: 'closed', tags: ['vip', 'done'] },
      effects: [],
      facts: { ...facts, status: 'closed', tags: ['vip', 'done'] },
    });
    // The status move was refused; the tag was added.
    const second = firings.next({ ...facts, tags: ['vip', 'done'] });
    expect(second.value).toMatchObject({ ruleId: 'when-new', changes: { tags: ['vip', 'done', 'fresh'] } });
    expect(firings.next().done).toBe(true);
  });
});
