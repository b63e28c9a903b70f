import type { OpenApiDocument } from '@helpgate/platform';
import { documentedContent, openApiStructureProblems, undescribedSuccessResponses } from '../../../test/support/openapi-structure';
import { ServiceInProcess, startServiceInProcess } from '../../../test/support/service-in-process';
import { identityServiceDefinition } from './identity.definition';
import { contactResponseSchema } from './contacts/contact.dto';
import { organizationResponseSchema } from './organizations/organization.dto';

/** The OpenAPI document and docs page every service gets from the platform, checked on identity's routes. */
describe('identity API document and docs page (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let document: OpenApiDocument;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    const response = await fetch(`${identity.baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('is a structurally sound OpenAPI 3.1 document naming the service and its version', () => {
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(document.info).toEqual({ title: 'Helpgate identity', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it('describes the body of every success answer that has one, and every error answer with the one error body', () => {
    expect(undescribedSuccessResponses(document)).toEqual([]);
    expect(document.components.responses.Unauthorized.content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(document.components.schemas.Error.required).toEqual(['statusCode', 'code', 'message']);
  });

  it('declares response schemas that match what the routes answer, field for field', async () => {
    const created: unknown = await (await identity.request('POST', '/contacts', { name: 'Ada Lovelace', email: 'ada@engine.test' })).json();
    expect(contactResponseSchema.strict().safeParse(created).error).toBeUndefined();
    const organizations = (await (await identity.fetch('/organizations')).json()) as { items: unknown[] };
    expect(organizations.items.length).toBeGreaterThan(0);
    for (const organization of organizations.items) {
      expect(organizationResponseSchema.strict().safeParse(organization).error).toBeUndefined();
    }
    expect(documentedContent(document, '/contacts/{id}', 'patch')['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Contact',
    });
  });

  it('describes sign-in as public, with its body schema from the zod schema that validates it', () => {
    const signIn = document.paths['/auth/agents/sign-in'].post!;
    expect(signIn).toMatchObject({ tags: ['Auth'], summary: 'Sign in agent', security: [] });
    expect(signIn.requestBody?.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { email: { type: 'string' }, password: { type: 'string' } },
      required: ['email', 'password'],
    });
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(['200', '400', 'default']));
    expect(signIn.responses['401']).toBeUndefined();
  });

  it('lists 429 with Retry-After on both sign-in routes, the ones the sign-in throttle refuses, and on no other', () => {
    const throttled = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) => (operation && '429' in operation.responses ? [`${method} ${path}`] : [])),
    );
    expect(throttled.sort()).toEqual(['post /auth/agents/sign-in', 'post /auth/contacts/sign-in']);
    expect(document.paths['/auth/contacts/sign-in'].post!.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(document.components.responses.TooManyRequests).toMatchObject({
      headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 1 } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('marks changing settings as for admins, behind the bearer token, with 401 and 403', () => {
    const changeSettings = document.paths['/settings'].patch!;
    expect(changeSettings.security).toEqual([{ bearerToken: [] }]);
    expect(changeSettings.description).toMatch(/admins only/);
    expect(changeSettings.responses).toMatchObject({
      401: { $ref: '#/components/responses/Unauthorized' },
      403: { $ref: '#/components/responses/Forbidden' },
    });
    expect(Object.keys(changeSettings.requestBody!.content['application/json'].schema.properties as object)).toEqual(
      expect.arrayContaining(['autoCreateContacts', 'sendWelcomeMail', 'welcomeTemplate']),
    );
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists the contact search filters as query parameters and contact ids as uuids', () => {
    const search = document.paths['/contacts'].get!;
    expect(search.parameters.map((parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`)).toEqual(
      expect.arrayContaining([
        'query:limit',
        'query:offset',
        'query:email',
        'query:q',
        'query:phone',
        'query:organizationId',
        'query:tag',
        'query:status',
      ]),
    );
    expect(search.parameters.find((parameter: { name: string }) => parameter.name === 'limit')?.schema).toMatchObject({
      default: 50,
      maximum: 200,
    });
    expect(document.paths['/contacts/{id}'].get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    expect(document.paths['/me'].get?.description).toMatch(/agents and contacts/);
  });

  it('covers the platform routes but not the document and docs page themselves', () => {
    expect(document.paths['/health'].get?.security).toEqual([]);
    expect(document.paths['/openapi.json']).toBeUndefined();
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/docs'))).toEqual([]);
  });

  it('serves a docs page without a token whose Swagger UI assets answer, and no other file of the package', async () => {
    const page = await fetch(`${identity.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("url: '/openapi.json'");
    const assets = [...html.matchAll(/(?:href|src)="(\/docs\/[^"]+)"/g)].map(([, path]) => path!);
    expect(assets).toEqual(['/docs/swagger-ui.css', '/docs/favicon-32x32.png', '/docs/swagger-ui-bundle.js']);
    for (const asset of assets) {
      const response = await fetch(`${identity.baseUrl}${asset}`);
      expect({ asset, status: response.status, served: (await response.arrayBuffer()).byteLength > 0 }).toEqual({
        asset,
        status: 200,
        served: true,
      });
    }
    expect((await fetch(`${identity.baseUrl}/docs/swagger-ui-bundle.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${identity.baseUrl}/docs/package.json`)).status).toBe(404);
    expect((await fetch(`${identity.baseUrl}/docs/..%2Fpackage.json`)).status).toBe(404);
  });
});
