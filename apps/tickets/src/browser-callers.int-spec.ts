import { randomUUID } from 'node:crypto';
import { contactToken } from '../../../test/support/auth';
import { startTickets, TicketsUnderTest } from '../test/tickets-under-test';

/** The help-center panel is served by chat, so its page calls tickets from chat's origin: CORS in the HTTP bootstrap. */
describe('browser callers from another origin (CORS, real HTTP)', () => {
  const panelOrigin = 'http://127.0.0.1:3004';
  let tickets: TicketsUnderTest;
  let token: string;

  const preflight = (origin: string, method: string, headers: string) =>
    fetch(`${tickets.baseUrl}/portal/tickets`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  beforeAll(async () => {
    tickets = await startTickets({ HTTP_ALLOWED_ORIGINS: `${panelOrigin}, http://localhost:3004` });
    const contact = await tickets.knownContact(`cors-${randomUUID()}@acme.test`);
    token = contactToken(contact.contactId);
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('answers the preflight of an allowed origin with the methods and headers the panel sends, cached', async () => {
    const response = await preflight(panelOrigin, 'POST', 'authorization,content-type');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(panelOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('authorization'));
    expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('content-type'));
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(600);
  });

  it('allows no other origin', async () => {
    const refused = await preflight('https://evil.example', 'POST', 'authorization,content-type');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${tickets.baseUrl}/portal/ticket-form`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the allowed origin read an answer and an error body', async () => {
    const form = await fetch(`${tickets.baseUrl}/portal/ticket-form`, {
      headers: { origin: 'http://localhost:3004', authorization: `Bearer ${token}` },
    });
    expect(form.status).toBe(200);
    expect(form.headers.get('access-control-allow-origin')).toBe('http://localhost:3004');
    expect(form.headers.get('vary')).toEqual(expect.stringMatching(/origin/i));

    const unsigned = await fetch(`${tickets.baseUrl}/portal/tickets`, {
      method: 'POST',
      headers: { origin: panelOrigin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('access-control-allow-origin')).toBe(panelOrigin);
    expect(await unsigned.json()).toEqual({ statusCode: 401, code: expect.any(String), message: expect.any(String) });
  });
});
