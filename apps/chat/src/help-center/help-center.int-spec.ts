import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OpenApiDocument, PageOf, SettingChange } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import type { HelpCenterConfigDto } from './help-center.dto';
import type { HelpCenterSettings } from './help-center.settings';

/** A 1×1 transparent PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('help-center settings and the public configuration the panel reads (real Postgres)', () => {
  let chat: ServiceInProcess;
  const adminId = randomUUID();

  const publicConfig = async () => {
    const response = await fetch(`${chat.baseUrl}/help-center/config`);
    expect(response.status).toBe(200);
    return (await response.json()) as HelpCenterConfigDto;
  };
  const asAdmin = async <T>(method: string, path: string, body?: unknown) => {
    const response = await chat.request(method, path, body, { authorization: `Bearer ${agentToken('admin', adminId)}` });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    chat = await startServiceInProcess(chatServiceDefinition, {
      CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false',
      CHAT_LANGUAGES: 'en,fr,it',
      CHAT_PUBLIC_URL: 'https://help.lumen.example/',
      CHAT_PUBLIC_URL_IDENTITY: 'https://id.lumen.example',
      CHAT_PUBLIC_URL_TICKETS: 'https://tickets.lumen.example',
    });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('answers the panel without a token: defaults, the languages and the public URLs, nothing secret', async () => {
    expect(await publicConfig()).toEqual({
      teamName: 'Support',
      accentColor: '#1a73e8',
      greetings: expect.objectContaining({ en: expect.any(String), fr: expect.any(String), it: expect.any(String) }),
      logoUrl: null,
      links: [],
      features: { contactCustomerSuccess: false, preChatForm: false },
      languages: ['en', 'fr', 'it'],
      services: { chat: 'https://help.lumen.example', identity: 'https://id.lumen.example', tickets: 'https://tickets.lumen.example' },
    });
  });

  it('lets admins change the appearance and links, audited, and the panel sees them at once', async () => {
    const changed = await asAdmin<HelpCenterSettings>('PATCH', '/help-center/settings', {
      teamName: 'Lumen support',
      accentColor: '#FF6600',
      greetings: { en: 'Hello from Lumen', it: 'Ciao da Lumen' },
      links: [
        { title: 'Community', url: 'https://community.lumen.example' },
        { title: 'Training', url: 'https://training.lumen.example/courses' },
      ],
      contactCustomerSuccess: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ teamName: 'Lumen support', accentColor: '#ff6600', contactCustomerSuccess: true });

    const config = await publicConfig();
    expect(config).toMatchObject({
      teamName: 'Lumen support',
      accentColor: '#ff6600',
      greetings: { en: 'Hello from Lumen', it: 'Ciao da Lumen' },
      links: [{ title: 'Community' }, { title: 'Training', url: 'https://training.lumen.example/courses' }],
      features: { contactCustomerSuccess: true },
    });
    const audit = await asAdmin<PageOf<SettingChange>>('GET', '/help-center/settings/audit');
    expect(audit.body.items.map((entry) => entry.setting).sort()).toEqual(
      ['accentColor', 'contactCustomerSuccess', 'greetings', 'links', 'teamName'].sort(),
    );
    expect(audit.body.items[0]).toMatchObject({ actor: `agent:${adminId}` });
    expect(audit.body.items.find((entry) => entry.setting === 'teamName')).toMatchObject({
      oldValue: 'Support',
      newValue: 'Lumen support',
    });
  });

  it('refuses other agents, bad values (400) and domain refusals (422) with their codes', async () => {
    const asAgent = await chat.request(
      'PATCH',
      '/help-center/settings',
      { teamName: 'X' },
      { authorization: `Bearer ${agentToken('agent')}` },
    );
    expect(asAgent.status).toBe(403);
    expect((await asAdmin('PATCH', '/help-center/settings', { accentColor: 'orange' })).status).toBe(400);
    expect((await asAdmin('PATCH', '/help-center/settings', { links: [{ title: 'Evil', url: 'javascript:alert(1)' }] })).status).toBe(400);
    expect((await asAdmin('PATCH', '/help-center/settings', { secret: true })).status).toBe(400);
    expect(await asAdmin('PATCH', '/help-center/settings', { greetings: { de: 'Hallo' } })).toMatchObject({
      status: 422,
      body: { statusCode: 422, code: 'help_center.unknown_language' },
    });
    expect(await asAdmin('PATCH', '/help-center/settings', { logoUrl: 'https://cdn.elsewhere.example/logo.png' })).toMatchObject({
      status: 422,
      body: { code: 'help_center.logo_outside_deployment' },
    });
    expect((await publicConfig()).teamName).toBe('Lumen support');
  });

  it('stores an uploaded logo, serves it without a token, and refuses what is not an image', async () => {
    const notImage = await asAdmin('PUT', '/help-center/settings/logo', {
      filename: 'logo.svg',
      contentType: 'image/svg+xml',
      contentBase64: Buffer.from('<svg onload="alert(1)"/>').toString('base64'),
    });
    expect(notImage).toMatchObject({ status: 422, body: { code: 'help_center.logo_not_an_image' } });
    const tooLarge = await asAdmin('PUT', '/help-center/settings/logo', {
      filename: 'huge.png',
      contentBase64: Buffer.concat([png, Buffer.alloc(600 * 1024)]).toString('base64'),
    });
    expect(tooLarge).toMatchObject({ status: 422, body: { code: 'help_center.logo_too_large' } });

    const uploaded = await asAdmin<HelpCenterSettings>('PUT', '/help-center/settings/logo', {
      filename: 'logo.png',
      contentBase64: png.toString('base64'),
    });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.logoUrl).toMatch(/^\/help-center\/logos\/[0-9a-f]{64}$/);
    const { logoUrl } = await publicConfig();
    expect(logoUrl).toBe(`https://help.lumen.example${uploaded.body.logoUrl}`);

    const logo = await fetch(`${chat.baseUrl}${uploaded.body.logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(png);
    expect((await fetch(`${chat.baseUrl}/help-center/logos/${'0'.repeat(64)}`)).status).toBe(404);

    const onDeployment = await asAdmin<HelpCenterSettings>('PATCH', '/help-center/settings', {
      logoUrl: 'https://tickets.lumen.example/static/logo.png',
    });
    expect(onDeployment.body.logoUrl).toBe('https://tickets.lumen.example/static/logo.png');
  });

  it("describes its routes in the API document: the panel's without a token, the changes for admins", async () => {
    const document = (await (await fetch(`${chat.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(document.paths['/help-center/config']!.get).toMatchObject({
      security: [],
      responses: { 200: { content: { 'application/json': {} } } },
    });
    expect(document.paths['/help-center/settings']!.patch!.security).toEqual([{ bearerToken: [] }]);
    // The agent console's page signs the agent in itself, so it is served without a token too.
    expect(document.paths['/console']!.get).toMatchObject({ security: [], responses: { 200: { content: { 'text/html': {} } } } });
  });

  it('migrates down and up again', async () => {
    const dataSource = chat.app.get(DataSource);
    await undoMigrationsThrough(dataSource, 'HelpCenter1764000000950');
    expect(await dataSource.query("SELECT 1 FROM information_schema.tables WHERE table_name LIKE 'help_center%'")).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await publicConfig()).teamName).toBe('Support');
  });
});
