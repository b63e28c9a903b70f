import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';
import { PastChatsView } from './past-chats-view';
import { SignInView } from './sign-in-view';
import { TicketThreadView } from './ticket-thread-view';
import { VerifyEmailView } from './verify-email-view';

interface Profile {
  name: string;
  organizations: { id: string; name: string; isPrimaryContact: boolean }[];
}

interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: string;
  updatedAt: string;
  requester: { name: string; isYou: boolean };
}

const statuses = ['open', 'awaiting-your-reply', 'solved', 'closed'] as const;

/** The signed-in customer's tickets (and their organization's, for primary contacts) by status, and past chats. */
export function AccountView({ ticketId, onTicket }: { ticketId: string | null; onTicket(id: string | null): void }) {
  const { t, language, config, contactToken, signOut } = usePanel();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [scope, setScope] = useState<'mine' | 'organization' | 'chats'>('mine');
  const [status, setStatus] = useState('');
  const [tickets, setTickets] = useState<TicketSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setProfile(null);
    if (config.identityUrl && contactToken) {
      requestJson<{ contact: Profile }>(`${config.identityUrl}/me`, { token: contactToken }).then(
        ({ contact }) => setProfile(contact),
        (error: Error & { status?: number }) => (error.status === 401 ? signOut() : setFailure(error.message)),
      );
    }
  }, [config.identityUrl, contactToken]);
  useEffect(() => {
    setTickets(null);
    if (!config.ticketsUrl || !contactToken || scope === 'chats' || ticketId) return;
    const params = new URLSearchParams({ scope, ...(status ? { status } : {}) });
    requestJson<{ items: TicketSummary[] }>(`${config.ticketsUrl}/portal/tickets?${params}`, { token: contactToken }).then(
      ({ items }) => setTickets(items),
      (error: Error) => setFailure(error.message),
    );
  }, [config.ticketsUrl, contactToken, scope, status, ticketId]);

  if (!config.identityUrl || !config.ticketsUrl) return <p>{t('unavailable.accounts')}</p>;
  const verification = location.pathname.endsWith('/verify-email') ? new URLSearchParams(location.search).get('token') : null;
  if (verification) return <VerifyEmailView identityUrl={config.identityUrl} token={verification} />;
  if (!contactToken) return <SignInView identityUrl={config.identityUrl} />;
  if (ticketId) return <TicketThreadView id={ticketId} onBack={() => onTicket(null)} />;

  const primary = profile?.organizations.some((organization) => organization.isPrimaryContact) ?? false;
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <div class="stack">
      <div class="row spread">
        <p>{profile && t('account.signedInAs', { name: profile.name })}</p>
        <button type="button" class="link" onClick={signOut}>
          {t('account.signOut')}
        </button>
      </div>
      <div class="row wrap" role="group" aria-label={t('tabs.account')}>
        <button type="button" class="chip" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>
          {t('account.tickets')}
        </button>
        {primary && (
          <button type="button" class="chip" aria-pressed={scope === 'organization'} onClick={() => setScope('organization')}>
            {t('account.organization')}
          </button>
        )}
        <button type="button" class="chip" aria-pressed={scope === 'chats'} onClick={() => setScope('chats')}>
          {t('account.chats')}
        </button>
      </div>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {scope === 'chats' ? (
        <PastChatsView identityUrl={config.identityUrl} />
      ) : (
        <>
          <label for="ticket-status">{t('account.filter')}</label>
          <select id="ticket-status" value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
            <option value="">{t('account.filter.all')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`portalStatus.${value}`)}
              </option>
            ))}
          </select>
          {tickets?.length === 0 && <p>{t('account.none')}</p>}
          <ul class="tickets">
            {tickets?.map((ticket) => (
              <li key={ticket.id}>
                <button type="button" class="link" onClick={() => onTicket(ticket.id)}>
                  #{ticket.number} {ticket.subject}
                </button>
                <span class={`status status-${ticket.status}`}>{t(`portalStatus.${ticket.status}` as 'portalStatus.open')}</span>
                <span class="note">
                  {scope === 'organization' && !ticket.requester.isYou && `${ticket.requester.name} · `}
                  <time dateTime={ticket.updatedAt}>{dates.format(new Date(ticket.updatedAt))}</time>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
