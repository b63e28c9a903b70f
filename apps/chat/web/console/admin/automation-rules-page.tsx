import { useState } from 'preact/hooks';
import { codeInWords, t } from '../i18n/i18n';
import { serviceCall, Services } from '../services';
import { Page, ticketPriorities, ticketStatuses } from '../tickets/ticket-types';
import { useAdminPage } from './use-admin-page';
import { AdminOutcome } from './admin-outcome';
import { ActionDraft, actionDraft, actionOf, ConditionDraft, conditionDraft, conditionOf } from './rule-drafts';
import { AutomationRule, RuleVocabulary } from './rule-types';

interface Choice {
  id: string;
  label: string;
}

/** What a rule may say (tickets' vocabulary) and what an action may name, each as tickets and identity list it. */
interface ActionChoices {
  vocabulary: RuleVocabulary;
  templates: Choice[];
  categories: Choice[];
  agents: Choice[];
}

interface Department {
  id: string;
  name: string;
  active: boolean;
  features: { id: string; name: string; active: boolean }[];
}

type RuleInput = Pick<AutomationRule, 'name' | 'trigger' | 'match' | 'conditions' | 'actions' | 'active' | 'stopsLaterRules'>;

/** Automation rules in the order tickets runs them: added, edited, moved up or down, switched on or off, deleted. */
export function AutomationRulesPage({ services, accessToken }: { services: Services; accessToken: string }) {
  const tickets = serviceCall(services.tickets, accessToken);
  const identity = serviceCall(services.identity, accessToken);
  const rules = useAdminPage(() => tickets<Page<AutomationRule>>('/automation-rules?limit=100'));
  const choices = useAdminPage(async (): Promise<ActionChoices> => {
    const [vocabulary, templates, departments, agents] = await Promise.all([
      tickets<RuleVocabulary>('/automation-rules/vocabulary'),
      tickets<Page<{ id: string; name: string }>>('/reply-templates?limit=100'),
      tickets<Department[]>('/categories'),
      identity<Page<{ id: string; name: string; active: boolean }>>('/agents?limit=100'),
    ]);
    return {
      vocabulary,
      templates: templates.items.map(({ id, name }) => ({ id, label: name })),
      categories: departments
        .filter((department) => department.active)
        .flatMap((department) => [
          { id: department.id, label: department.name },
          ...department.features.filter((feature) => feature.active).map(({ id, name }) => ({ id, label: `${department.name} / ${name}` })),
        ]),
      agents: agents.items.filter((agent) => agent.active).map(({ id, name }) => ({ id, label: name })),
    };
  });
  const [editing, setEditing] = useState<AutomationRule | 'new' | null>(null);

  const patch = (rule: AutomationRule, body: Partial<AutomationRule>) =>
    rules.change(() => tickets(`/automation-rules/${rule.id}`, { method: 'PATCH', body }), t('admin.saved'));
  const remove = (rule: AutomationRule) =>
    rules.change(() => tickets(`/automation-rules/${rule.id}`, { method: 'DELETE' }), t('admin.deleted', { name: rule.name }));
  const items = rules.data?.items ?? [];

  return (
    <>
      <p class="muted">{t('rules.order')}</p>
      <AdminOutcome failure={rules.failure ?? choices.failure} notice={rules.notice} />
      {rules.data && items.length === 0 && <p>{t('rules.none')}</p>}
      <ol class="organizations" aria-label={t('rules.listLabel')}>
        {items.map((rule, index) => (
          <li key={rule.id} class="fields">
            <h3>
              {rule.position}. {rule.name}
            </h3>
            <p class="muted">
              {t('rules.summary', {
                trigger: codeInWords('rules.trigger', rule.trigger),
                conditions: rule.conditions.length,
                actions: rule.actions.length,
              })}{' '}
              {rule.active ? t('admin.active') : t('admin.inactive')}
              {rule.stopsLaterRules && ` · ${t('rules.stops')}`}
            </p>
            <div class="row-actions">
              <button
                type="button"
                disabled={index === 0}
                onClick={() => void patch(rule, { position: rule.position - 1 })}
                aria-label={t('rules.moveUpNamed', { name: rule.name })}
              >
                {t('rules.moveUp')}
              </button>
              <button
                type="button"
                disabled={index === items.length - 1}
                onClick={() => void patch(rule, { position: rule.position + 1 })}
                aria-label={t('rules.moveDownNamed', { name: rule.name })}
              >
                {t('rules.moveDown')}
              </button>
              <button
                type="button"
                onClick={() => void patch(rule, { active: !rule.active })}
                aria-label={t(rule.active ? 'admin.deactivateNamed' : 'admin.reactivateNamed', { name: rule.name })}
              >
                {t(rule.active ? 'admin.deactivate' : 'admin.reactivate')}
              </button>
              <button type="button" onClick={() => setEditing(rule)} aria-label={t('admin.editNamed', { name: rule.name })}>
                {t('admin.edit')}
              </button>
              <button type="button" onClick={() => void remove(rule)} aria-label={t('admin.deleteNamed', { name: rule.name })}>
                {t('admin.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {editing === null ? (
        <p>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('rules.add')}
          </button>
        </p>
      ) : (
        choices.data && (
          <RuleForm
            key={editing === 'new' ? 'new' : editing.id}
            rule={editing === 'new' ? null : editing}
            choices={choices.data}
            save={(body) =>
              rules.change(
                () =>
                  editing === 'new'
                    ? tickets('/automation-rules', { method: 'POST', body })
                    : tickets(`/automation-rules/${editing.id}`, { method: 'PATCH', body }),
                t('admin.saved'),
              )
            }
            close={() => setEditing(null)}
          />
        )
      )}
    </>
  );
}

function RuleForm({
  rule,
  choices,
  save,
  close,
}: {
  rule: AutomationRule | null;
  choices: ActionChoices;
  save(body: RuleInput): Promise<boolean>;
  close(): void;
}) {
  const [name, setName] = useState(rule?.name ?? '');
  const { vocabulary } = choices;
  const [trigger, setTrigger] = useState(rule?.trigger ?? vocabulary.triggers[0]);
  const [match, setMatch] = useState<'all' | 'any'>(rule?.match ?? 'all');
  const [conditions, setConditions] = useState<ConditionDraft[]>(rule?.conditions.map(conditionDraft) ?? []);
  const [actions, setActions] = useState<ActionDraft[]>(rule?.actions.map(actionDraft) ?? [{ type: 'set_priority', value: 'high' }]);
  const [active, setActive] = useState(rule?.active ?? true);
  const [stopsLaterRules, setStopsLaterRules] = useState(rule?.stopsLaterRules ?? false);

  const submit = (event: Event) => {
    event.preventDefault();
    const body = {
      name,
      trigger,
      match,
      conditions: conditions.map((draft) => conditionOf(draft, vocabulary.listOperators)),
      actions: actions.map(actionOf),
      active,
      stopsLaterRules,
    };
    void save(body).then((saved) => saved && close());
  };
  const changeCondition = (index: number, change: Partial<ConditionDraft>) =>
    setConditions(conditions.map((condition, at) => (at === index ? { ...condition, ...change } : condition)));
  const changeAction = (index: number, change: Partial<ActionDraft>) =>
    setActions(actions.map((action, at) => (at === index ? { ...action, ...change } : action)));

  return (
    <form class="fields stack" onSubmit={submit} aria-labelledby="rule-form-title">
      <h3 id="rule-form-title">{rule ? t('admin.editNamed', { name: rule.name }) : t('rules.add')}</h3>
      <label>
        {t('rules.name')}
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('rules.when')}
        <select value={trigger} onChange={(e) => setTrigger(e.currentTarget.value)}>
          {vocabulary.triggers.map((candidate) => (
            <option key={candidate} value={candidate}>
              {codeInWords('rules.trigger', candidate)}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="stack">
        <legend>{t('rules.conditions')}</legend>
        <label>
          {t('rules.match')}
          <select value={match} onChange={(e) => setMatch(e.currentTarget.value as 'all' | 'any')}>
            <option value="all">{t('rules.match.all')}</option>
            <option value="any">{t('rules.match.any')}</option>
          </select>
        </label>
        {conditions.map((condition, index) => (
          <div class="filters" role="group" aria-label={t('rules.conditionNumber', { number: index + 1 })} key={index}>
            <label>
              {t('rules.field')}
              <select
                value={condition.field}
                onChange={(e) => changeCondition(index, { field: e.currentTarget.value as ConditionDraft['field'] })}
              >
                {vocabulary.conditionFields.map((field) => (
                  <option key={field} value={field}>
                    {codeInWords('rules.field', field)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('rules.operator')}
              <select
                value={condition.operator}
                onChange={(e) => changeCondition(index, { operator: e.currentTarget.value as ConditionDraft['operator'] })}
              >
                {vocabulary.conditionOperators.map((operator) => (
                  <option key={operator} value={operator}>
                    {codeInWords('rules.operator', operator)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('rules.value')}
              <input value={condition.value} onInput={(e) => changeCondition(index, { value: e.currentTarget.value })} />
            </label>
            <button type="button" onClick={() => setConditions(conditions.filter((_, at) => at !== index))}>
              {t('rules.remove')}
            </button>
          </div>
        ))}
        <p>
          <button type="button" onClick={() => setConditions([...conditions, { field: 'subject', operator: 'contains', value: '' }])}>
            {t('rules.addCondition')}
          </button>
        </p>
      </fieldset>
      <fieldset class="stack">
        <legend>{t('rules.actions')}</legend>
        {actions.map((action, index) => (
          <div class="filters" role="group" aria-label={t('rules.actionNumber', { number: index + 1 })} key={index}>
            <label>
              {t('rules.actionType')}
              <select
                value={action.type}
                onChange={(e) => changeAction(index, { type: e.currentTarget.value as ActionDraft['type'], value: '' })}
              >
                {vocabulary.actionTypes.map((type) => (
                  <option key={type} value={type}>
                    {codeInWords('rules.action', type)}
                  </option>
                ))}
              </select>
            </label>
            <ActionValue action={action} choices={choices} onChange={(value) => changeAction(index, { value })} />
            <button type="button" disabled={actions.length === 1} onClick={() => setActions(actions.filter((_, at) => at !== index))}>
              {t('rules.remove')}
            </button>
          </div>
        ))}
        <p>
          <button type="button" onClick={() => setActions([...actions, { type: 'add_note', value: '' }])}>
            {t('rules.addAction')}
          </button>
        </p>
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {t('rules.activeLabel')}
      </label>
      <label class="check">
        <input type="checkbox" checked={stopsLaterRules} onChange={(e) => setStopsLaterRules(e.currentTarget.checked)} />
        {t('rules.stopsLabel')}
      </label>
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
        <button type="button" onClick={close}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The one control an action's kind asks for: a choice among what it may name, the tags, or the note. */
function ActionValue({ action, choices, onChange }: { action: ActionDraft; choices: ActionChoices; onChange(value: string): void }) {
  const pick = (options: Choice[], none?: string) => (
    <label>
      {t('rules.actionValue')}
      <select required={none === undefined} value={action.value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{none ?? t('rules.choose')}</option>
        {options.map(({ id, label }) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  const named = (values: readonly string[]) => values.map((value) => ({ id: value, label: value }));
  switch (action.type) {
    case 'mail_template':
      return pick(choices.templates);
    case 'set_priority':
      return pick(named(ticketPriorities));
    case 'set_status':
      // Tickets takes every status but "new" here: a ticket never becomes new again.
      return pick(named(ticketStatuses.filter((status) => status !== 'new')));
    case 'set_category':
      return pick(choices.categories, t('rules.noCategory'));
    case 'set_assignee':
      return pick(choices.agents, t('rules.nobody'));
    case 'add_tags':
    case 'add_note':
      return (
        <label>
          {t(action.type === 'add_tags' ? 'rules.tags' : 'rules.note')}
          <input required value={action.value} onInput={(e) => onChange(e.currentTarget.value)} />
        </label>
      );
  }
}
