/** The ticket views an agent works from, as queries of tickets' `GET /tickets`: no rule of the console's own. */
export type TicketViewId = 'mine' | 'unassigned' | 'all';

export const ticketViews: readonly TicketViewId[] = ['mine', 'unassigned', 'all'];

/** The tickets still waiting on the team. */
const unsolved = 'new,open,pending,on-hold';

export interface TicketFilters {
  status: string;
  priority: string;
  q: string;
  sort: string;
}

export const noFilters: TicketFilters = { status: '', priority: '', q: '', sort: '-updatedAt' };

/** The query of a view, its filters and page: the filters narrow the view (a status filter replaces the view's own). */
export function ticketQuery(view: TicketViewId, agentId: string, filters: TicketFilters, page: { limit: number; offset: number }): string {
  const query = new URLSearchParams();
  if (view === 'mine') query.set('assigneeId', agentId);
  if (view === 'unassigned') query.set('assigneeId', 'none');
  const status = filters.status || (view === 'all' ? '' : unsolved);
  if (status) query.set('status', status);
  if (filters.priority) query.set('priority', filters.priority);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  query.set('sort', filters.sort);
  query.set('limit', String(page.limit));
  query.set('offset', String(page.offset));
  return query.toString();
}

/** `26–50 of 73`: where a page is in the whole list. */
export function pageRange({ offset, shown, total }: { offset: number; shown: number; total: number }): {
  first: number;
  last: number;
  total: number;
} {
  return { first: shown === 0 ? 0 : offset + 1, last: offset + shown, total };
}
