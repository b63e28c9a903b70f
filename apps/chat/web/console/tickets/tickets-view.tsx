import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { noFilters, pageRange, TicketFilters, ticketQuery, TicketViewId, ticketViews } from '../lib/ticket-views';
import { asAgent, Services } from '../services';
import { Page, ticketPriorities, ticketStatuses, TicketSummary } from './ticket-types';

const pageSize = 25;
const sorts = ['-updatedAt', '-createdAt', 'createdAt', '-priority', 'number'] as const;

/** The ticket views (mine, unassigned, all) with their counts, the filters, the list and its pages. */
export function TicketsView({ services, accessToken, agentId }: { services: Services; accessToken: string; agentId: string }) {
  const [view, setView] = useState<TicketViewId>('mine');
  const [filters, setFilters] = useState<TicketFilters>(noFilters);
  const [draft, setDraft] = useState<TicketFilters>(noFilters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<TicketSummary> | null>(null);
  const [counts, setCounts] = useState<Partial<Record<TicketViewId, number>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const list = (query: string) => asAgent<Page<TicketSummary>>(`${services.tickets}/tickets?${query}`, accessToken);

  useEffect(() => {
    setFailure(null);
    list(ticketQuery(view, agentId, filters, { limit: pageSize, offset }))
      .then(setPage)
      .catch((error: Error) => setFailure(error.message));
  }, [view, filters, offset]);

  useEffect(() => {
    // Each view's count is its total with the filters: one row asked for.
    Promise.all(
      ticketViews.map((id) => list(ticketQuery(id, agentId, filters, { limit: 1, offset: 0 })).then(({ total }) => [id, total] as const)),
    )
      .then((totals) => setCounts(Object.fromEntries(totals)))
      .catch(() => setCounts({}));
  }, [filters, page]);

  const choose = (id: TicketViewId) => {
    setView(id);
    setOffset(0);
  };
  const apply = (event: Event) => {
    event.preventDefault();
    setOffset(0);
    setFilters(draft);
  };
  const range = page && pageRange({ offset: page.offset, shown: page.items.length, total: page.total });
  return (
    <main class="tickets-page" id="tickets">
      <nav class="views" aria-label={t('views.label')}>
        {ticketViews.map((id) => (
          <button key={id} type="button" aria-pressed={view === id} onClick={() => choose(id)}>
            {t(`views.${id}`)} <span class="badge">{counts[id] ?? '…'}</span>
          </button>
        ))}
      </nav>
      <form class="filters" aria-label={t('filters.label')} onSubmit={apply}>
        <label>
          {t('filters.search')}
          <input type="search" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} />
        </label>
        <label>
          {t('filters.status')}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}>
            <option value="">{t('filters.any')}</option>
            {ticketStatuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.priority')}
          <select value={draft.priority} onChange={(e) => setDraft({ ...draft, priority: e.currentTarget.value })}>
            <option value="">{t('filters.any')}</option>
            {ticketPriorities.map((priority) => (
              <option key={priority} value={priority}>
                {priority}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.sort')}
          <select value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.currentTarget.value })}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('filters.apply')}
        </button>
      </form>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {page && page.items.length === 0 && <p>{t('tickets.none')}</p>}
      {page && page.items.length > 0 && (
        <table class="ticket-list">
          <thead>
            <tr>
              <th scope="col">{t('tickets.number')}</th>
              <th scope="col">{t('tickets.subject')}</th>
              <th scope="col">{t('tickets.requester')}</th>
              <th scope="col">{t('tickets.status')}</th>
              <th scope="col">{t('tickets.priority')}</th>
              <th scope="col">{t('tickets.assignee')}</th>
              <th scope="col">{t('tickets.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((ticket) => (
              <tr key={ticket.id}>
                <td>#{ticket.number}</td>
                <td>
                  <a href={`#tickets/${ticket.id}`}>{ticket.subject}</a>
                </td>
                <td>{ticket.requester.name}</td>
                <td>{ticket.status}</td>
                <td>{ticket.priority}</td>
                <td>{ticket.assignee?.name ?? (ticket.assigneeId ? '…' : t('tickets.nobody'))}</td>
                <td>{new Date(ticket.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {range && range.total > 0 && (
        <p class="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
            {t('tickets.previous')}
          </button>
          <span>{t('tickets.range', range)}</span>
          <button type="button" disabled={range.last >= range.total} onClick={() => setOffset(offset + pageSize)}>
            {t('tickets.next')}
          </button>
        </p>
      )}
    </main>
  );
}
