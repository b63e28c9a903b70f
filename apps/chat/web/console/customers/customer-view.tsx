import { useEffect, useState } from 'preact/hooks';
import { MessageKey, t } from '../i18n/i18n';
import { asAgent, serviceCall, Services } from '../services';
import { RelatedOrganizations } from './related-organizations';
import type { Page, TicketSummary } from '../tickets/ticket-types';
import { ChatTranscripts } from './chat-transcripts';
import { AccessLinks, DeleteCustomer, NewTicketForm } from './customer-actions';
import { CustomerDetails } from './customer-details';
import type { ActivityEntry, Contact } from './contact-types';

type Tab = 'details' | 'activity' | 'tickets' | 'chats' | 'related';
const tabs: Tab[] = ['details', 'activity', 'tickets', 'chats', 'related'];
const tabKey: Record<Tab, MessageKey> = {
  details: 'customer.details',
  activity: 'customer.activity',
  tickets: 'customer.tickets',
  chats: 'customer.chats',
  related: 'customer.related',
};

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * A customer's profile: key details at the top, then Details (editable), Activity, Tickets, Chats and Related; beside
 * them a ticket opened for the customer, access links, merging a duplicate into it and deleting it.
 */
export function CustomerView({ id, services, accessToken }: { id: string; services: Services; accessToken: string }) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [tab, setTab] = useState<Tab>('details');
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const identity = serviceCall(services.identity, accessToken);

  useEffect(() => {
    identity<Contact>(`/contacts/${id}`)
      .then(setContact)
      .catch((error: Error) => setFailure(error.message));
  }, [id, version]);

  if (!contact)
    return (
      <main class="ticket-page">
        {failure ? <p role="alert">{t('error.generic', { message: failure })}</p> : <p role="status">{t('app.loading')}</p>}
      </main>
    );
  const primary = contact.emailAddresses.find((address) => address.isPrimary);
  return (
    <main class="ticket-page" id="customers">
      <p>
        <a href="#customers">{t('customer.back')}</a>
      </p>
      <h2>{contact.name}</h2>
      <p class="meta">
        {contact.email} {primary && `(${primary.verified ? t('customer.verified') : t('customer.unverified')})`} ·{' '}
        {contact.organization.name} · {contact.language ?? '—'} · {contact.timeZone ?? '—'}
      </p>
      <p class="meta">
        {t('customer.created', { when: when(contact.createdAt) })}, {t('customer.updated', { when: when(contact.updatedAt) })},{' '}
        {contact.lastSignedInAt ? t('customer.lastSeen', { when: when(contact.lastSignedInAt) }) : t('customer.never')},{' '}
        {contact.lastSeenAt ? t('customer.seen', { when: when(contact.lastSeenAt) }) : t('customer.neverSeen')}
      </p>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      <div class="ticket-layout">
        <div>
          <div role="tablist" aria-label={t('customer.tabs')} class="views">
            {tabs.map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="tab"
                id={`tab-${candidate}`}
                aria-selected={tab === candidate}
                aria-controls={`panel-${candidate}`}
                onClick={() => setTab(candidate)}
              >
                {t(tabKey[candidate])}
              </button>
            ))}
          </div>
          <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'details' && <CustomerDetails key={version} contact={contact} identity={identity} onChanged={setContact} />}
            {tab === 'activity' && <Activity key={version} contactId={contact.id} services={services} accessToken={accessToken} />}
            {tab === 'tickets' && <Tickets key={version} contactId={contact.id} services={services} accessToken={accessToken} />}
            {tab === 'chats' && <ChatTranscripts key={version} contactId={contact.id} identity={identity} />}
            {tab === 'related' && <RelatedOrganizations key={version} contact={contact} identity={identity} onChanged={setContact} />}
          </section>
        </div>
        <aside class="stack">
          <NewTicketForm contact={contact} tickets={serviceCall(services.tickets, accessToken)} />
          <AccessLinks contact={contact} identity={identity} />
          <Merge contact={contact} services={services} accessToken={accessToken} onMerged={() => setVersion((v) => v + 1)} />
          <DeleteCustomer contact={contact} identity={identity} />
        </aside>
      </div>
    </main>
  );
}

function Activity({ contactId, services, accessToken }: { contactId: string; services: Services; accessToken: string }) {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    asAgent<{ items: ActivityEntry[]; total: number }>(`${services.identity}/contacts/${contactId}/activity?page=${page}`, accessToken)
      .then(({ items, total: all }) => {
        setEntries((shown) => (page === 1 ? items : [...shown, ...items]));
        setTotal(all);
      })
      .catch(() => undefined);
  }, [page]);
  if (entries.length === 0) return <p>{t('customer.noActivity')}</p>;
  return (
    <>
      <ol class="history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span class="when">{when(entry.occurredAt)}</span> {describe(entry)}
          </li>
        ))}
      </ol>
      {entries.length < total && (
        <button type="button" onClick={() => setPage(page + 1)}>
          {t('customer.more')}
        </button>
      )}
    </>
  );
}

function describe(entry: ActivityEntry): string {
  const key = `activity.${entry.kind}` as MessageKey;
  const details = entry.details as { fields?: string[]; number?: number; source?: string };
  return t(key, { fields: (details.fields ?? []).join(', '), number: details.number ?? '', source: details.source ?? '' });
}

function Tickets({ contactId, services, accessToken }: { contactId: string; services: Services; accessToken: string }) {
  const [tickets, setTickets] = useState<TicketSummary[] | null>(null);
  useEffect(() => {
    asAgent<Page<TicketSummary>>(`${services.tickets}/tickets?requesterContactId=${contactId}&sort=-createdAt&limit=50`, accessToken)
      .then(({ items }) => setTickets(items))
      .catch(() => setTickets([]));
  }, []);
  if (!tickets) return <p role="status">{t('app.loading')}</p>;
  if (tickets.length === 0) return <p>{t('contact.noTickets')}</p>;
  return (
    <ul class="tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <a href={`#tickets/${ticket.id}`}>
            #{ticket.number} {ticket.subject}
          </a>{' '}
          <span class="badge">{ticket.status}</span>
        </li>
      ))}
    </ul>
  );
}

function Merge({
  contact,
  services,
  accessToken,
  onMerged,
}: {
  contact: Contact;
  services: Services;
  accessToken: string;
  onMerged(): void;
}) {
  const [email, setEmail] = useState('');
  const [other, setOther] = useState<Contact | null>(null);
  const [duplicates, setDuplicates] = useState<Contact[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const identity = serviceCall(services.identity, accessToken);

  useEffect(() => {
    identity<Page<{ contact: Contact }>>(`/contacts/${contact.id}/duplicate-candidates?limit=10`)
      .then(({ items }) => setDuplicates(items.map((item) => item.contact)))
      .catch(() => setDuplicates([]));
  }, [contact.id, contact.updatedAt]);

  const find = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    identity<Page<Contact>>(`/contacts?email=${encodeURIComponent(email.trim())}&limit=1`)
      .then(({ items }) => (items[0] && items[0].id !== contact.id ? setOther(items[0]) : setFailure(t('customer.notFound'))))
      .catch((error: Error) => setFailure(error.message));
  };
  const merge = () => {
    identity<Contact>(`/contacts/${contact.id}/merge`, { method: 'POST', body: { contactId: other!.id } })
      .then(() => {
        setOther(null);
        setEmail('');
        setNotice(t('customer.merged'));
        onMerged();
      })
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <section class="fields stack" aria-labelledby="merge-title">
      <h3 id="merge-title">{t('customer.merge')}</h3>
      <h4>{t('customer.duplicates')}</h4>
      {duplicates.length === 0 ? (
        <p class="muted">{t('customer.noDuplicates')}</p>
      ) : (
        <ul>
          {duplicates.map((duplicate) => (
            <li key={duplicate.id}>
              <button type="button" class="link" onClick={() => setOther(duplicate)}>
                {duplicate.name} ({duplicate.email})
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={find}>
        <label for="merge-email">{t('customer.mergeEmail')}</label>
        <input id="merge-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit">{t('customer.mergeFind')}</button>
      </form>
      {other && (
        <div role="group" aria-label={t('customer.mergeSubmit')} class="stack">
          <p>{t('customer.mergeConfirm', { other: `${other.name} (${other.email})`, name: contact.name })}</p>
          <button type="button" class="primary" onClick={merge}>
            {t('customer.mergeSubmit')}
          </button>
          <button type="button" onClick={() => setOther(null)}>
            {t('customer.mergeCancel')}
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{failure}</p>}
    </section>
  );
}
