import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleWebService } from './console-web.service';

describe('the console’s page and files', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'helpgate-console-web-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'assets', 'console-ABC123.js'), 'console.log(1)');
    writeFileSync(join(folder, 'assets', 'console-DEF456.css'), 'body{}');
    const manifest = { fixed: {}, hashed: { console: { script: 'assets/console-ABC123.js', style: 'assets/console-DEF456.css' } } };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const service = (settings: Partial<ConstructorParameters<typeof ConsoleWebService>[0]> = {}) =>
    new ConsoleWebService({
      folder,
      assetsPath: '/support/console/assets/',
      apiOrigins: ['https://id.example.com'],
      publicUrls: {
        chat: 'https://chat.example.com',
        identity: 'https://id.example.com',
        tickets: 'https://t.example.com',
        emailIngest: 'https://mail.example.com',
      },
      ...settings,
    });

  it('loads the hashed script and style from where chat is published, so /console and /console/set-password both find them', () => {
    const html = service().page().content.toString();
    expect(html).toContain('<script src="/support/console/assets/console-ABC123.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/support/console/assets/console-DEF456.css">');
    expect(html).toContain('<title>Helpgate console</title>');
  });

  it('runs only chat’s code, calls only chat and the services given, and is framed by no other site', () => {
    const policy = service().page().contentSecurityPolicy!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' https://id.example.com");
    expect(policy).toContain("frame-ancestors 'self'");
  });

  it('answers the bundle’s files only, and says when the console is not built', () => {
    expect(service().asset('console-ABC123.js').content.toString()).toBe('console.log(1)');
    expect(() => service().asset('other.js')).toThrow(expect.objectContaining({ code: 'console.asset_not_found' }));
    expect(() => service({ folder: join(folder, 'missing') }).page()).toThrow(expect.objectContaining({ code: 'console.not_built' }));
  });
});
