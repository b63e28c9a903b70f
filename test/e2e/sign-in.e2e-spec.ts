import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { keyIdOf, signToken } from '@helpgate/auth';
import { ServiceName, services } from '../../scripts/lib/service-processes.cjs';
import { openApiStructureProblems, undescribedSuccessResponses } from '../support/openapi-structure';
import { startStack, Stack } from '../support/stack';

describe('signing in: identity issues a token that every service verifies on its own', () => {
  let stack: Stack;
  const admin = { email: 'chief@helpgate.test', password: 'the chief admin secret' };

  beforeAll(async () => {
    stack = await startStack({ env: { IDENTITY_FIRST_ADMIN_EMAIL: admin.email, IDENTITY_FIRST_ADMIN_PASSWORD: admin.password } });
  });

  afterAll(async () => {
    await stack?.cleanUp();
  });

  const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  async function signIn(email: string, password: string): Promise<string> {
    const response = await stack.fetch('identity', '/auth/agents/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: '' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  it('lets the first admin from settings reach the APIs of tickets, email-ingest and identity', async () => {
    const token = await signIn(admin.email, admin.password);
    expect((await stack.fetch('tickets', '/tickets', withToken(token))).status).toBe(200);
    expect((await stack.fetch('email-ingest', '/support-addresses', withToken(token))).status).toBe(200);
    expect((await stack.fetch('identity', '/agents', withToken(token))).status).toBe(200);
  });

  it('refuses requests without a token, and tokens signed by any other key, on every API but health checks', async () => {
    const stranger = generateKeyPairSync('ed25519');
    const now = Math.floor(Date.now() / 1000);
    const forged = signToken(
      { kind: 'agent', sub: randomUUID(), role: 'admin', iss: 'helpgate-identity', iat: now, exp: now + 600 },
      stranger.privateKey,
      keyIdOf(stranger.publicKey),
    );
    // chat has no API of its own yet beyond health and metrics.
    const guarded: Partial<Record<ServiceName, string>> = { 'email-ingest': '/quarantine', identity: '/contacts', tickets: '/tickets' };
    const answer = async (response: Response) => `${response.status} ${((await response.json()) as { code?: string }).code}`;
    for (const [service, path] of Object.entries(guarded) as [ServiceName, string][]) {
      const answers = {
        service,
        health: (await fetch(`${stack.url[service]}/health`)).status,
        withoutToken: await answer(await fetch(`${stack.url[service]}${path}`)),
        forged: await answer(await fetch(`${stack.url[service]}${path}`, withToken(forged))),
        unknownRoute: await answer(await fetch(`${stack.url[service]}/no-such-route`, withToken(forged))),
      };
      expect(answers).toEqual({
        service,
        health: 200,
        withoutToken: '401 auth.token_missing',
        forged: '401 auth.token_invalid',
        unknownRoute: '404 request.route_not_found',
      });
    }
  });

  it('serves every API document and docs page without a token, Swagger UI included, from the build in dist/', async () => {
    for (const service of services) {
      const document = (await (await fetch(`${stack.url[service]}/openapi.json`)).json()) as {
        info: { title: string };
        paths: Record<string, Record<string, { security: object[] }>>;
      };
      expect({
        service,
        title: document.info.title,
        problems: openApiStructureProblems(document),
        undescribed: undescribedSuccessResponses(document),
      }).toEqual({ service, title: `Helpgate ${service}`, problems: [], undescribed: [] });
      expect(document.paths['/health'].get.security).toEqual([]);
      const bundle = await fetch(`${stack.url[service]}/docs/swagger-ui-bundle.js`);
      expect({ service, docs: (await fetch(`${stack.url[service]}/docs`)).status, bundle: bundle.status }).toEqual({
        service,
        docs: 200,
        bundle: 200,
      });
      await bundle.arrayBuffer();
    }
  });
});
