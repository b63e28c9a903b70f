import type { ServiceName } from '../../scripts/lib/service-processes.cjs';
import type { Stack } from './stack';

/** Reading whole lists from the services' REST APIs, as the stack's admin agent. */

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

type ApiReader = Pick<Stack, 'getJson'>;

const pageSize = 200;

/** Every item of a paginated list (`{ items, total }` with `limit` and `offset`); read it while nothing is added. */
export async function fetchAllPages<Item>(api: ApiReader, service: ServiceName, listPath: string): Promise<Item[]> {
  const items: Item[] = [];
  const separator = listPath.includes('?') ? '&' : '?';
  for (;;) {
    const page = await api.getJson<Page<Item>>(service, `${listPath}${separator}limit=${pageSize}&offset=${items.length}`);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export function allTickets(api: ApiReader): Promise<TicketSummary[]> {
  return fetchAllPages<TicketSummary>(api, 'tickets', '/tickets');
}

/** How many tickets there are, from the `total` of one page. */
export async function countTickets(api: ApiReader): Promise<number> {
  return (await api.getJson<Page<TicketSummary>>('tickets', '/tickets?limit=1')).total;
}

export function allContacts(api: ApiReader): Promise<ContactSummary[]> {
  return fetchAllPages<ContactSummary>(api, 'identity', '/contacts');
}
