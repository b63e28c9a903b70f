// The one place the benchmarks read tickets: through the tickets API, as an agent's client would.
import { adminBearerToken } from './auth.mjs';

/** The ticket as `GET /tickets/:id` answers it, or null while the API does not know it. */
export async function fetchTicket(ticketsUrl, ticketId) {
  const response = await fetch(`${ticketsUrl}/tickets/${ticketId}`, { headers: { authorization: `Bearer ${adminBearerToken()}` } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /tickets/${ticketId} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
