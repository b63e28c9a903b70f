import { actionDraft, actionOf, conditionDraft, conditionOf } from './rule-drafts';

/** As tickets' rule vocabulary names them. */
const listOperators = ['is_one_of', 'is_not_one_of'];
import type { RuleAction, RuleCondition } from './rule-types';

describe('rule drafts', () => {
  it('edits a list of condition values as one comma-separated text, and a single value as it is', () => {
    const listed: RuleCondition = { field: 'tags', operator: 'is_one_of', value: ['vip', 'billing'] };
    expect(conditionDraft(listed)).toEqual({ field: 'tags', operator: 'is_one_of', value: 'vip, billing' });
    expect(conditionOf({ field: 'tags', operator: 'is_not_one_of', value: ' vip ,, billing, ' }, listOperators)).toEqual({
      field: 'tags',
      operator: 'is_not_one_of',
      value: ['vip', 'billing'],
    });
    expect(conditionOf({ field: 'subject', operator: 'contains', value: ' refund, please ' }, listOperators)).toEqual({
      field: 'subject',
      operator: 'contains',
      value: 'refund, please',
    });
  });

  it('turns every kind of action into its draft and back, "" standing for no category or no assignee', () => {
    const actions: RuleAction[] = [
      { type: 'mail_template', templateId: 'a4d1e7c2-0000-4000-8000-000000000001' },
      { type: 'set_priority', priority: 'high' },
      { type: 'set_category', categoryId: null },
      { type: 'set_category', categoryId: 'a4d1e7c2-0000-4000-8000-000000000002' },
      { type: 'set_status', status: 'pending' },
      { type: 'set_assignee', agentId: null },
      { type: 'add_tags', tags: ['vip', 'billing'] },
      { type: 'add_note', text: 'Check the invoice, then answer.' },
    ];
    for (const action of actions) expect(actionOf(actionDraft(action))).toEqual(action);
    expect(actionDraft({ type: 'set_assignee', agentId: null })).toEqual({ type: 'set_assignee', value: '' });
  });
});
