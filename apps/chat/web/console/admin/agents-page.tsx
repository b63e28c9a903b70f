import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { Page } from '../tickets/ticket-types';
import type { AdminPageProps } from './admin-view';
import { AdminOutcome } from './admin-outcome';
import { useAdminPage } from './use-admin-page';
import { serviceCall } from '../services';

/** identity's agent (apps/identity/src/agents/agent.dto.ts). */
interface Agent {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  languages: string[];
  chatCapacity: number;
  active: boolean;
}

const roles = ['agent', 'admin'] as const;

/** Language tags as typed: comma-separated, blanks ignored (identity checks each tag). */
const languagesFrom = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

type Change = (work: () => Promise<unknown>, done: string) => Promise<boolean>;

/** identity's agents: inviting one, and changing each one's role, languages, chat capacity and whether it is active. */
export function AgentsPage({ services, accessToken }: AdminPageProps) {
  const identity = serviceCall(services.identity, accessToken);
  const page = useAdminPage(() => identity<Page<Agent>>('/agents?limit=200'));
  return (
    <>
      <Invite change={page.change} invite={(body) => identity('/agents', { method: 'POST', body })} />
      <AdminOutcome failure={page.failure} notice={page.notice} />
      {page.data && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('agents.name')}</th>
              <th scope="col">{t('agents.email')}</th>
              <th scope="col">{t('agents.role')}</th>
              <th scope="col">{t('agents.languagesShort')}</th>
              <th scope="col">{t('agents.chatCapacity')}</th>
              <th scope="col">{t('agents.status')}</th>
              <th scope="col">{t('agents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((agent) => (
              <AgentRow
                key={`${agent.id}:${agent.role}:${agent.languages.join()}:${agent.chatCapacity}:${agent.active}`}
                agent={agent}
                change={page.change}
                update={(body) => identity(`/agents/${agent.id}`, { method: 'PATCH', body })}
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Invite({ change, invite }: { change: Change; invite(body: unknown): Promise<unknown> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Agent['role']>('agent');
  const [languages, setLanguages] = useState('en');
  const [chatCapacity, setChatCapacity] = useState(3);
  const submit = (event: Event) => {
    event.preventDefault();
    void change(
      () => invite({ name, email, role, languages: languagesFrom(languages), chatCapacity }),
      t('agents.invited', { email }),
    ).then((invited) => {
      if (!invited) return;
      setName('');
      setEmail('');
    });
  };
  return (
    <form class="admin-form" onSubmit={submit} aria-labelledby="invite-title">
      <h3 id="invite-title">{t('agents.invite')}</h3>
      <label>
        {t('agents.name')}
        <input required value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label>
        {t('agents.email')}
        <input type="email" required value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
      </label>
      <label>
        {t('agents.role')}
        <RoleSelect value={role} onChange={setRole} />
      </label>
      <label>
        {t('agents.languages')}
        <input value={languages} onInput={(event) => setLanguages(event.currentTarget.value)} />
      </label>
      <label>
        {t('agents.chatCapacity')}
        <input
          type="number"
          min={0}
          max={100}
          value={chatCapacity}
          onInput={(event) => setChatCapacity(event.currentTarget.valueAsNumber)}
        />
      </label>
      <button type="submit" class="primary">
        {t('agents.inviteSubmit')}
      </button>
    </form>
  );
}

function RoleSelect({ value, onChange, label }: { value: Agent['role']; onChange(role: Agent['role']): void; label?: string }) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value as Agent['role'])}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`agents.role.${role}`)}
        </option>
      ))}
    </select>
  );
}

/** One agent, its fields editable in place: saved together, or the agent (de)activated on its own. */
function AgentRow({ agent, change, update }: { agent: Agent; change: Change; update(body: Partial<Agent>): Promise<unknown> }) {
  const [role, setRole] = useState(agent.role);
  const [languages, setLanguages] = useState(agent.languages.join(', '));
  const [chatCapacity, setChatCapacity] = useState(agent.chatCapacity);
  const { name } = agent;
  const save = () => void change(() => update({ role, languages: languagesFrom(languages), chatCapacity }), t('admin.saved'));
  const toggle = () => void change(() => update({ active: !agent.active }), t('admin.saved'));
  return (
    <tr class={agent.active ? undefined : 'inactive'}>
      <th scope="row">{name}</th>
      <td>{agent.email}</td>
      <td>
        <RoleSelect label={t('agents.roleOf', { name })} value={role} onChange={setRole} />
      </td>
      <td>
        <input
          aria-label={t('agents.languagesOf', { name })}
          value={languages}
          onInput={(event) => setLanguages(event.currentTarget.value)}
        />
      </td>
      <td>
        <input
          aria-label={t('agents.chatCapacityOf', { name })}
          type="number"
          min={0}
          max={100}
          value={chatCapacity}
          onInput={(event) => setChatCapacity(event.currentTarget.valueAsNumber)}
        />
      </td>
      <td>{agent.active ? t('admin.active') : t('admin.inactive')}</td>
      <td class="row-actions">
        <button type="button" aria-label={t('agents.saveOf', { name })} onClick={save}>
          {t('admin.save')}
        </button>
        <button type="button" aria-label={t(agent.active ? 'agents.deactivateOf' : 'agents.reactivateOf', { name })} onClick={toggle}>
          {agent.active ? t('admin.deactivate') : t('admin.reactivate')}
        </button>
      </td>
    </tr>
  );
}
