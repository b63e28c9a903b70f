// The one place the benchmarks read tickets: through the tickets API, as an agent's client would.
import { adminBearerToken } from './auth.mjs';

/** The newest tickets, newest first, as `{ id, subject, createdAt, ... }` summaries. */
export async function fetchRecentTickets(ticketsUrl, { limit = 100 } = {}) {
  const response = await fetch(`${ticketsUrl}/tickets?sort=-createdAt&limit=${limit}`, {
    headers: { authorization: `Bearer ${adminBearerToken()}` },
  });
  if (!response.ok) throw new Error(`GET /tickets answered ${response.status}: ${await response.text()}`);
  return (await response.json()).items;
}
