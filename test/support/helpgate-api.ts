/** Reading Helpgate's REST APIs in tests; `token`, when given, is sent as the Bearer token. */

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  requester: { contactId: string; email: string };
}

export interface ContactSummary {
  id: string;
  email: string;
  emails: string[];
}

interface Page<Item> {
  items: Item[];
  total: number;
}

const pageSize = 200;

export async function getJson<T>(url: string, token?: string): Promise<T> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every item of a paginated list (`{ items, total }` with `limit` and `offset`); read it while nothing is added. */
export async function fetchAllPages<Item>(listUrl: string, token?: string): Promise<Item[]> {
  const items: Item[] = [];
  const separator = listUrl.includes('?') ? '&' : '?';
  for (;;) {
    const page = await getJson<Page<Item>>(`${listUrl}${separator}limit=${pageSize}&offset=${items.length}`, token);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export function allTickets(ticketsUrl: string, token?: string): Promise<TicketSummary[]> {
  return fetchAllPages<TicketSummary>(`${ticketsUrl}/tickets`, token);
}

/** How many tickets there are, from the `total` of one page. */
export async function countTickets(ticketsUrl: string, token?: string): Promise<number> {
  return (await getJson<Page<TicketSummary>>(`${ticketsUrl}/tickets?limit=1`, token)).total;
}

export function allContacts(identityUrl: string, token?: string): Promise<ContactSummary[]> {
  return fetchAllPages<ContactSummary>(`${identityUrl}/contacts`, token);
}
