// The one place the benchmarks read tickets: through the tickets API, as an agent's client would.
//
// The tickets API takes no credentials yet; once libs/auth lands, this is where the Bearer token goes.

/** The newest tickets (the list is ordered newest first), as `{ id, subject, createdAt, ... }` summaries. */
export async function fetchRecentTickets(ticketsUrl, { limit = 200 } = {}) {
  const response = await fetch(`${ticketsUrl}/tickets?limit=${limit}`);
  if (!response.ok) throw new Error(`GET /tickets answered ${response.status}: ${await response.text()}`);
  return (await response.json()).items;
}
