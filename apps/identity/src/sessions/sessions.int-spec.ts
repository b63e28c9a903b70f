import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EmailOutboundRequestedV1, Topics } from '@helpgate/contracts';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { secretTokenHash } from '../domain/secret-token';
import { identityServiceDefinition } from '../identity.definition';
import { SessionsPurger } from './sessions.purger';
import { SignInThrottlePurger } from '../sign-in-throttle/sign-in-throttle.purger';
import { throttleKeys } from '../sign-in-throttle/throttle-policy';

interface Answer<Body> {
  status: number;
  body: Body;
  headers: Headers;
}

interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

describe('throttled sign-in and sessions with rotating refresh tokens (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let adminToken: string;
  const admin = { email: 'boss@helpgate.test', password: 'first admin secret' };
  const windowSeconds = 3;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition, {
      IDENTITY_FIRST_ADMIN_EMAIL: admin.email,
      IDENTITY_FIRST_ADMIN_PASSWORD: admin.password,
      IDENTITY_PORTAL_URL: 'https://portal.acme.test',
      IDENTITY_CONSOLE_URL: 'https://desk.acme.test/console',
      IDENTITY_SESSION_TTL: '8h',
      IDENTITY_SIGN_IN_FREE_FAILURES: '2',
      IDENTITY_SIGN_IN_DELAY_MS: '1',
      IDENTITY_SIGN_IN_MAX_DELAY_MS: '4',
      IDENTITY_SIGN_IN_MAX_FAILURES: '5',
      IDENTITY_SIGN_IN_MAX_FAILURES_PER_ADDRESS: '40',
      IDENTITY_SIGN_IN_WINDOW_SECONDS: String(windowSeconds),
    });
    await identity.kafka.record(Topics.EmailOutboundRequested);
    adminToken = (await signIn('agents', admin.email, admin.password)).body.accessToken;
  });

  afterAll(async () => {
    await identity?.close();
  });

  /** A request with no token unless one is given, as a browser or API client sends it. */
  async function call<Body = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<Body>> {
    const response = await fetch(`${identity.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body, headers: response.headers };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signIn = (as: 'agents' | 'contacts', email: string, password: string) =>
    call<SessionTokens>('POST', `/auth/${as}/sign-in`, { email, password });
  const refresh = (refreshToken: string) => call<SessionTokens>('POST', '/auth/refresh', { refreshToken });

  const mailsTo = (address: string) =>
    identity.kafka.events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested).filter((event) => event.mail.to[0]!.address === address);

  /** Creates an agent who chooses `password` through the mailed link. */
  async function agentWithPassword(email: string, password: string): Promise<string> {
    const created = await call<{ id: string }>('POST', '/agents', { email, name: `Agent ${email.split('@')[0]}` }, bearer(adminToken));
    expect(created.status).toBe(201);
    const token = await eventually(() => {
      // Agents choose their password on the console's page, not the customer portal's.
      const link = /https:\/\/desk\.acme\.test\/console\/set-password\?token=([\w-]{43})/.exec(mailsTo(email).at(-1)?.mail.text ?? '');
      expect(link).not.toBeNull();
      return link![1]!;
    });
    expect((await call('POST', '/auth/password', { token, password })).status).toBe(204);
    return created.body.id;
  }

  it('answers 429 with Retry-After after repeated failures, tells the agent once, and lets the real user in after the window', async () => {
    await agentWithPassword('gus@helpgate.test', 'gus real password');
    const wrong = () => signIn('agents', 'gus@helpgate.test', 'a guess');
    for (let attempt = 1; attempt <= 5; attempt++) expect((await wrong()).status).toBe(401);

    const refused = await wrong();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, code: 'access.too_many_attempts', message: expect.any(String) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(windowSeconds);
    // The right password is refused too while the account is locked: the lock does not tell guesses apart.
    expect((await signIn('agents', 'gus@helpgate.test', 'gus real password')).status).toBe(429);

    const alerts = await eventually(() => {
      const found = mailsTo('gus@helpgate.test').filter(
        (event) => event.mail.subject === 'Repeated failed sign-ins to your Helpgate account',
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(alerts[0]!.mail.text).toContain('There were 5 failed attempts');

    // Refused attempts do not prolong the lock: once the window has passed since the last failure, the user is in.
    const signedIn = await eventually(
      async () => {
        const answer = await signIn('agents', 'gus@helpgate.test', 'gus real password');
        expect(answer.status).toBe(200);
        return answer;
      },
      (windowSeconds + 10) * 1000,
      250,
    );
    expect(signedIn.body.accessToken).toEqual(expect.any(String));

    // Locked again in a later window, the agent is told again; within it, never twice.
    for (let attempt = 1; attempt <= 6; attempt++) await wrong();
    await eventually(() =>
      expect(mailsTo('gus@helpgate.test').filter((event) => event.mail.subject.startsWith('Repeated failed sign-ins'))).toHaveLength(2),
    );
  });

  it('never locks an account out of the address it signed in from before', async () => {
    // The admin signed in from this address in beforeAll: far past the account limit, the answers stay 401, not 429.
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect((await signIn('agents', admin.email, 'wrong guess')).status).toBe(401);
    }
    expect((await signIn('agents', admin.email, admin.password)).status).toBe(200);
  });

  it('purges failures whose window has passed and addresses not signed in from for 30 days, keeping what still counts', async () => {
    const database = identity.app.get(DataSource);
    const accountKey = (email: string) => throttleKeys({ accountKind: 'contact', email, clientAddress: 'any' }).account;
    const failuresOf = async (email: string) =>
      ((await database.query('SELECT failures FROM sign_in_failures WHERE key = $1', [accountKey(email)])) as unknown[]).length;
    const expired = `expired-${randomUUID()}@acme.test`;
    const counting = `counting-${randomUUID()}@acme.test`;
    expect((await signIn('contacts', expired, 'a guess')).status).toBe(401);
    await database.query(`UPDATE sign_in_failures SET last_failure_at = now() - interval '1 hour' WHERE key = $1`, [accountKey(expired)]);
    const [staleAccount, staleAddress] = [randomUUID(), randomUUID()];
    await database.query(
      `INSERT INTO sign_in_known_addresses (account_key, address_key, last_signed_in_at) VALUES ($1, $2, now() - interval '31 days')`,
      [staleAccount, staleAddress],
    );
    // Last, so the purge runs well within this suite's short window after this failure.
    expect((await signIn('contacts', counting, 'a guess')).status).toBe(401);

    identity.app.get(SignInThrottlePurger).wake();

    await eventually(async () => expect(await failuresOf(expired)).toBe(0));
    expect(await failuresOf(counting)).toBe(1);
    const staleKnown: unknown[] = await database.query('SELECT 1 FROM sign_in_known_addresses WHERE account_key = $1', [staleAccount]);
    expect(staleKnown).toEqual([]);
    // The admin signed in from this address in beforeAll: still known, so still never locked out from here.
    const adminKnown: unknown[] = await database.query('SELECT 1 FROM sign_in_known_addresses WHERE account_key = $1', [
      throttleKeys({ accountKind: 'agent', email: admin.email, clientAddress: 'any' }).account,
    ]);
    expect(adminKnown).toHaveLength(1);
  });

  it('purges sessions a month after they expired or were revoked, with their refresh tokens, and keeps the others', async () => {
    const database = identity.app.get(DataSource);
    const sessionOf = async (refreshToken: string) => {
      const rows: { session_id: string }[] = await database.query('SELECT session_id FROM refresh_tokens WHERE token_hash = $1', [
        secretTokenHash(refreshToken),
      ]);
      return rows[0]?.session_id ?? null;
    };
    const signedInTokens = async () => (await signIn('agents', admin.email, admin.password)).body.refreshToken;
    const [expiredLongAgo, revokedLongAgo, endedRecently, open] = await Promise.all([
      signedInTokens(),
      signedInTokens(),
      signedInTokens(),
      signedInTokens(),
    ]);
    const ids = await Promise.all([expiredLongAgo, revokedLongAgo, endedRecently, open].map(sessionOf));
    await database.query(`UPDATE sessions SET expires_at = now() - interval '31 days' WHERE id = $1`, [ids[0]]);
    await database.query(`UPDATE sessions SET revoked_at = now() - interval '31 days', revoked_reason = 'signed_out' WHERE id = $1`, [
      ids[1],
    ]);
    await database.query(`UPDATE sessions SET expires_at = now() - interval '29 days' WHERE id = $1`, [ids[2]]);

    identity.app.get(SessionsPurger).wake();

    await eventually(async () => expect(await sessionOf(expiredLongAgo)).toBeNull());
    await eventually(async () => expect(await sessionOf(revokedLongAgo)).toBeNull());
    const left: { id: string }[] = await database.query('SELECT id FROM sessions WHERE id = ANY($1)', [ids]);
    expect(left.map(({ id }) => id).sort()).toEqual([ids[2], ids[3]].sort());
    expect((await refresh(open)).status).toBe(200);
  });

  it('returns a refresh token as JSON and as an HttpOnly, Secure, SameSite=Strict cookie, and rotates it', async () => {
    const signedIn = await signIn('agents', admin.email, admin.password);
    expect(signedIn.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresAt: expect.any(String),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      refreshTokenExpiresAt: expect.any(String),
    });
    const sessionHours = (Date.parse(signedIn.body.refreshTokenExpiresAt) - Date.now()) / 3_600_000;
    expect(sessionHours).toBeGreaterThan(7.9);
    expect(sessionHours).toBeLessThanOrEqual(8);
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      new RegExp(`^helpgate_refresh=${signedIn.body.refreshToken}; Path=/auth; Expires=.+; HttpOnly; Secure; SameSite=Strict$`),
    );

    const renewed = await refresh(signedIn.body.refreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).not.toBe(signedIn.body.refreshToken);
    expect(renewed.body.refreshTokenExpiresAt).toBe(signedIn.body.refreshTokenExpiresAt);
    expect((await call('GET', '/me', undefined, bearer(renewed.body.accessToken))).status).toBe(200);

    // A browser sends no body: the cookie carries the token.
    const byCookie = await call<SessionTokens>('POST', '/auth/refresh', undefined, {
      cookie: `theme=dark; helpgate_refresh=${renewed.body.refreshToken}`,
    });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('set-cookie')).toContain(`helpgate_refresh=${byCookie.body.refreshToken};`);
    expect(await call('POST', '/auth/refresh', {})).toMatchObject({ status: 401, body: { code: 'access.refresh_token_invalid' } });
  });

  it('revokes the whole session when a rotated refresh token is presented again', async () => {
    const first = (await signIn('agents', admin.email, admin.password)).body.refreshToken;
    const second = (await refresh(first)).body.refreshToken;
    expect(await refresh(first)).toMatchObject({ status: 401, body: { code: 'access.refresh_token_reused' } });
    // The thief's copy and the owner's newer token are both dead now.
    expect(await refresh(second)).toMatchObject({ status: 401, body: { code: 'access.refresh_token_invalid' } });
    const other = (await signIn('agents', admin.email, admin.password)).body.refreshToken;
    expect((await refresh(other)).status).toBe(200);
  });

  it('ends the session on sign-out and clears the cookie', async () => {
    const { refreshToken } = (await signIn('agents', admin.email, admin.password)).body;
    const signedOut = await call('POST', '/auth/sign-out', undefined, { cookie: `helpgate_refresh=${refreshToken}` });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(
      /^helpgate_refresh=; Path=\/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(await refresh(refreshToken)).toMatchObject({ status: 401, body: { code: 'access.refresh_token_invalid' } });
    expect((await call('POST', '/auth/sign-out', { refreshToken })).status).toBe(204);
  });

  it('ends every session of an account whose password changes', async () => {
    await agentWithPassword('pam@helpgate.test', 'pam first password');
    const sessions = [
      await signIn('agents', 'pam@helpgate.test', 'pam first password'),
      await signIn('agents', 'pam@helpgate.test', 'pam first password'),
    ];
    const agentsBefore = mailsTo('pam@helpgate.test').length;
    expect((await call('POST', '/auth/password-resets', { email: 'pam@helpgate.test', accountType: 'agent' })).status).toBe(202);
    const token = await eventually(() => {
      const mails = mailsTo('pam@helpgate.test');
      expect(mails.length).toBeGreaterThan(agentsBefore);
      return /set-password\?token=([\w-]{43})/.exec(mails.at(-1)!.mail.text)![1]!;
    });
    expect((await call('POST', '/auth/password', { token, password: 'pam second password' })).status).toBe(204);
    for (const session of sessions) {
      expect(await refresh(session.body.refreshToken)).toMatchObject({ status: 401, body: { code: 'access.refresh_token_invalid' } });
    }
    expect((await signIn('agents', 'pam@helpgate.test', 'pam second password')).status).toBe(200);
  });

  it('ends every session of an agent who is deactivated', async () => {
    const id = await agentWithPassword('dan@helpgate.test', 'dan the password');
    const session = await signIn('agents', 'dan@helpgate.test', 'dan the password');
    expect((await refresh(session.body.refreshToken)).status).toBe(200);
    const renewed = await signIn('agents', 'dan@helpgate.test', 'dan the password');
    expect((await call('PATCH', `/agents/${id}`, { active: false }, bearer(adminToken))).status).toBe(200);
    expect(await refresh(renewed.body.refreshToken)).toMatchObject({ status: 401, body: { code: 'access.refresh_token_invalid' } });
  });
});
