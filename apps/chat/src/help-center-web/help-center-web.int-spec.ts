import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@helpgate/platform';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import { withAppearance } from './loader-appearance';

const repoRoot = join(__dirname, '..', '..', '..', '..');

/** chat serving the help center's browser code, bundled for this test by the project's own build script (real Postgres). */
describe('the help center’s loader, panel page and files as chat serves them', () => {
  let chat: ServiceInProcess;
  let missing: ServiceInProcess;
  const bundle = mkdtempSync(join(tmpdir(), 'helpgate-help-center-'));

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-web.mjs'), bundle], { cwd: repoRoot, encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    [chat, missing] = await Promise.all([
      startServiceInProcess(chatServiceDefinition, {
        CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false',
        CHAT_WEB_DIR: bundle,
        CHAT_ALLOWED_ORIGINS: 'https://www.lumen.example',
        CHAT_PUBLIC_URL_IDENTITY: 'https://id.lumen.example/api',
        CHAT_PUBLIC_URL_TICKETS: 'https://tickets.lumen.example',
      }),
      startServiceInProcess(chatServiceDefinition, { CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false', CHAT_WEB_DIR: join(bundle, 'nowhere') }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([chat?.close(), missing?.close()]);
    rmSync(bundle, { recursive: true, force: true });
  });

  it('serves the loader under its fixed name with the team’s appearance written in, checked again by browsers after a minute', async () => {
    const response = await fetch(`${chat.baseUrl}/help-center/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const built = readFileSync(join(bundle, 'widget.js'), 'utf8');
    expect(built).toContain('__HELPGATE_APPEARANCE__');
    const served = await response.text();
    expect(served).toBe(withAppearance(built, { accentColor: '#1a73e8', teamName: 'Support' }));
    expect(served).not.toContain('__HELPGATE_APPEARANCE__');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

    // Unchanged: a browser holding it is answered without the bytes. (A browser revalidates with max-age=0; fetch,
    // given If-None-Match alone, would add `no-cache`, which asks for the bytes whatever the ETag.)
    const revalidation = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const revalidated = await fetch(`${chat.baseUrl}/help-center/widget.js`, { headers: revalidation });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    // An admin changes the colour and name: the next answer carries them under another ETag.
    expect((await chat.request('PATCH', '/help-center/settings', { accentColor: '#7B1FA2', teamName: 'Lumen Care' })).status).toBe(200);
    try {
      const changed = await fetch(`${chat.baseUrl}/help-center/widget.js`, { headers: revalidation });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(await changed.text()).toBe(withAppearance(built, { accentColor: '#7b1fa2', teamName: 'Lumen Care' }));
    } finally {
      await chat.request('PATCH', '/help-center/settings', { accentColor: '#1a73e8', teamName: 'Support' });
    }
  });

  it('answers the panel page with its hashed files and a CSP that lets only the allowed sites frame it', async () => {
    const response = await fetch(`${chat.baseUrl}/help-center/panel`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("frame-ancestors 'self' https://www.lumen.example");
    expect(policy).toContain("connect-src 'self' https://id.lumen.example https://tickets.lumen.example");
    expect(policy).toContain("script-src 'self'");
    const html = await response.text();
    const script = /<script src="(assets\/panel-[A-Z0-9]+\.js)"/.exec(html)![1]!;
    const style = /<link rel="stylesheet" href="(assets\/panel-[A-Z0-9]+\.css)"/.exec(html)![1]!;

    for (const [file, type] of [
      [script, 'text/javascript; charset=utf-8'],
      [style, 'text/css; charset=utf-8'],
    ]) {
      const asset = await fetch(`${chat.baseUrl}/help-center/${file}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe(type);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${chat.baseUrl}/help-center/set-password?token=abc`)).headers.get('content-security-policy')).toBe(policy);
  });

  it('answers no file the bundle’s manifest does not name', async () => {
    const unknown = await fetch(`${chat.baseUrl}/help-center/assets/panel-UNKNOWN.js`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, code: 'help_center.asset_not_found' });
    const outside = await fetch(`${chat.baseUrl}/help-center/assets/manifest.json`);
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ code: 'request.invalid_input' });
    expect((await fetch(`${chat.baseUrl}/help-center/assets/..%2F..%2Fpackage.json`)).status).toBe(400);
  });

  it('serves the demo site with the one script tag', async () => {
    const response = await fetch(`${chat.baseUrl}/help-center/demo`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script src="widget.js" async></script>');
  });

  it('says the browser code is not built, rather than failing to start, when CHAT_WEB_DIR has none', async () => {
    const response = await fetch(`${missing.baseUrl}/help-center/panel`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'help_center.not_built' });
  });

  it('describes its routes in the API document', async () => {
    const document = (await (await fetch(`${chat.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(Object.keys(document.paths['/help-center/widget.js']!.get!.responses['200']!)).toContain('content');
  });
});
