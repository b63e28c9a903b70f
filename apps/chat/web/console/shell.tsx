import { useEffect, useState } from 'preact/hooks';
import { AdminView } from './admin/admin-view';
import { ChatsView } from './chats/chats-view';
import { CustomerView } from './customers/customer-view';
import { CustomersView } from './customers/customers-view';
import { MailView } from './mail/mail-view';
import { OrganizationsView } from './organizations/organizations-view';
import { TicketView } from './tickets/ticket-view';
import { TicketsView } from './tickets/tickets-view';
import { useDesk } from './chats/use-desk';
import { t } from './i18n/i18n';
import { useNotifications } from './notifications';
import { asAgent, Services } from './services';

interface Me {
  kind: 'agent';
  agent: { id: string; name: string; email: string; role: string };
}

/** The signed-in console: who the agent is, its status, notifications and sign-out above the sections. */
export function Shell({ services, accessToken, signOut }: { services: Services; accessToken: string; signOut(): Promise<void> }) {
  const [me, setMe] = useState<Me['agent'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    asAgent<Me>(`${services.identity}/me`, accessToken)
      .then(({ agent }) => setMe(agent))
      .catch((error: Error) => setFailure(error.message));
    // Who the agent is does not change with a renewed token.
  }, []);

  if (failure) return <p role="alert">{t('error.generic', { message: failure })}</p>;
  if (!me) return <p role="status">{t('app.loading')}</p>;
  return <Desk services={services} accessToken={accessToken} me={me} signOut={signOut} />;
}

type Section = 'chats' | 'tickets' | 'customers' | 'organizations' | 'mail' | 'admin';
const sections: readonly Section[] = ['chats', 'tickets', 'customers', 'organizations', 'mail', 'admin'];

/** Where the agent is in the console: `#tickets`, `#tickets/<id>`, `#customers/<id>`… (a link works across a reload). */
function useRoute(): { section: Section; itemId: string | null } {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const [section, itemId] = hash.replace(/^#/, '').split('/');
  const known = sections.find((candidate) => candidate === section);
  return known ? { section: known, itemId: itemId ?? null } : { section: 'chats', itemId: null };
}

function Desk({
  services,
  accessToken,
  me,
  signOut,
}: {
  services: Services;
  accessToken: string;
  me: Me['agent'];
  signOut(): Promise<void>;
}) {
  const notifications = useNotifications();
  const desk = useDesk(accessToken, me.id, (entry) => notifications.notify(entry.preview));
  const route = useRoute();
  const current = (section: string) => (route.section === section ? 'page' : undefined);
  return (
    <div class="shell">
      <header class="top">
        <strong class="brand">{t('app.title')}</strong>
        <nav aria-label={t('nav.label')}>
          <a href="#chats" aria-current={current('chats')}>
            {t('nav.chats')} {desk.queue.length > 0 && <span class="badge">{desk.queue.length}</span>}
          </a>
          <a href="#tickets" aria-current={current('tickets')}>
            {t('nav.tickets')}
          </a>
          <a href="#customers" aria-current={current('customers')}>
            {t('nav.customers')}
          </a>
          <a href="#organizations" aria-current={current('organizations')}>
            {t('nav.organizations')}
          </a>
          <a href="#mail" aria-current={current('mail')}>
            {t('nav.mail')}
          </a>
          {me.role === 'admin' && (
            <a href="#admin" aria-current={current('admin')}>
              {t('nav.admin')}
            </a>
          )}
        </nav>
        <div class="controls">
          <label class="presence">
            {t('presence.label')}
            <select
              value={desk.presence === 'available' ? 'available' : 'away'}
              onChange={(event) => void desk.setStatus(event.currentTarget.value as 'available' | 'away')}
              disabled={!desk.connected}
            >
              <option value="available">{t('presence.available')}</option>
              <option value="away">{t('presence.away')}</option>
            </select>
          </label>
          <span class={`dot ${desk.presence}`} role="status">
            {t(`presence.${desk.presence}`)}
          </span>
          <label class="check">
            <input
              type="checkbox"
              checked={notifications.enabled}
              onChange={(event) => void notifications.toggle(event.currentTarget.checked)}
            />
            {t('notify.label')}
          </label>
          <span>{t('header.signedInAs', { name: me.name })}</span>
          <button type="button" onClick={() => void signOut()}>
            {t('header.signOut')}
          </button>
        </div>
      </header>
      {notifications.blocked && <p role="alert">{t('notify.denied')}</p>}
      {!desk.connected && <p role="status">{t('chats.disconnected')}</p>}
      {route.section === 'chats' && <ChatsView desk={desk} services={services} accessToken={accessToken} />}
      {route.section === 'tickets' &&
        (route.itemId ? (
          <TicketView key={route.itemId} id={route.itemId} services={services} accessToken={accessToken} />
        ) : (
          <TicketsView services={services} accessToken={accessToken} agentId={me.id} />
        ))}
      {route.section === 'customers' &&
        (route.itemId ? (
          <CustomerView key={route.itemId} id={route.itemId} services={services} accessToken={accessToken} />
        ) : (
          <CustomersView services={services} accessToken={accessToken} />
        ))}
      {route.section === 'organizations' && <OrganizationsView services={services} accessToken={accessToken} />}
      {route.section === 'mail' && <MailView services={services} accessToken={accessToken} />}
      {route.section === 'admin' && me.role === 'admin' && <AdminView page={route.itemId} services={services} accessToken={accessToken} />}
    </div>
  );
}
