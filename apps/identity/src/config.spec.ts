import { testAuthEnv } from '../../../test/support/auth';
import { loadIdentityConfig as loadWith } from './config';

const loadIdentityConfig = (env: NodeJS.ProcessEnv) => loadWith({ ...testAuthEnv, ...env });

describe('loadIdentityConfig', () => {
  it('adds no free-mail domains unless told', () => {
    expect(loadIdentityConfig({}).organizations.extraFreeMailDomains).toEqual([]);
  });

  it('reads IDENTITY_FREE_MAIL_DOMAINS as normalized, comma-separated domains', () => {
    const config = loadIdentityConfig({ IDENTITY_FREE_MAIL_DOMAINS: ' Freemail.TEST , mail.bücher.test,' });
    expect(config.organizations.extraFreeMailDomains).toEqual(['freemail.test', 'mail.xn--bcher-kva.test']);
  });

  it('names the setting when an entry is not a domain', () => {
    expect(() => loadIdentityConfig({ IDENTITY_FREE_MAIL_DOMAINS: 'freemail.test,not a domain' })).toThrow(
      /IDENTITY_FREE_MAIL_DOMAINS.*"not a domain" is not a domain name/,
    );
  });

  it('defaults the portal URL and the welcome sender', () => {
    expect(loadIdentityConfig({}).settingDefaults).toEqual({
      portalUrl: 'https://support.example.test',
      welcomeFromAddress: 'support@helpgate.test',
    });
  });

  it('refuses a portal URL that is not https, and a welcome sender that is not an address', () => {
    expect(() => loadIdentityConfig({ IDENTITY_PORTAL_URL: 'http://support.example.test' })).toThrow(/IDENTITY_PORTAL_URL/);
    expect(() => loadIdentityConfig({ IDENTITY_WELCOME_FROM: 'support' })).toThrow(/IDENTITY_WELCOME_FROM/);
  });

  it('sends agents to the console, over https or over http on this machine only', () => {
    expect(loadIdentityConfig({}).access.consoleUrl).toBe('https://support.example.test/console');
    expect(loadIdentityConfig({ IDENTITY_CONSOLE_URL: 'http://127.0.0.1:3004/console' }).access.consoleUrl).toBe('http://127.0.0.1:3004/console');
    expect(() => loadIdentityConfig({ IDENTITY_CONSOLE_URL: 'http://desk.example.test/console' })).toThrow(/IDENTITY_CONSOLE_URL/);
  });

  it('requires a signing key whose public key the services accept', () => {
    expect(() => loadWith({})).toThrow(/AUTH_PUBLIC_KEYS_FILE.*required[\s\S]*AUTH_PRIVATE_KEY_FILE.*required/);
    expect(() => loadIdentityConfig({ AUTH_PRIVATE_KEY_FILE: '/nonexistent/key.pem' })).toThrow(/AUTH_PRIVATE_KEY_FILE: cannot read/);
  });

  it('takes the first admin with its password only', () => {
    expect(loadIdentityConfig({}).access.firstAdmin).toBeNull();
    expect(() => loadIdentityConfig({ IDENTITY_FIRST_ADMIN_EMAIL: 'boss@acme.test' })).toThrow(/IDENTITY_FIRST_ADMIN_PASSWORD/);
    expect(
      loadIdentityConfig({ IDENTITY_FIRST_ADMIN_EMAIL: 'Boss@Acme.test', IDENTITY_FIRST_ADMIN_PASSWORD: 'a long secret' }).access
        .firstAdmin,
    ).toEqual({
      email: 'boss@acme.test',
      name: 'Administrator',
      password: 'a long secret',
    });
  });

  it('limits import files to 2 MiB and 1000 rows unless told otherwise', () => {
    expect(loadIdentityConfig({}).contactImports).toEqual({ maxBytes: 2 * 1024 * 1024, maxRows: 1000 });
    expect(loadIdentityConfig({ IDENTITY_IMPORT_MAX_BYTES: '1000', IDENTITY_IMPORT_MAX_ROWS: '10' }).contactImports).toEqual({
      maxBytes: 1000,
      maxRows: 10,
    });
    expect(() => loadIdentityConfig({ IDENTITY_IMPORT_MAX_ROWS: '0' })).toThrow(/IDENTITY_IMPORT_MAX_ROWS/);
  });

  it('reads the session lifetime as a duration, a working day unless told', () => {
    expect(loadIdentityConfig({}).access.sessionTtlSeconds).toBe(12 * 3600);
    expect(loadIdentityConfig({ IDENTITY_SESSION_TTL: '90m' }).access.sessionTtlSeconds).toBe(5400);
    expect(loadIdentityConfig({ IDENTITY_SESSION_TTL: '1d' }).access.sessionTtlSeconds).toBe(86400);
    expect(() => loadIdentityConfig({ IDENTITY_SESSION_TTL: '12 hours' })).toThrow(/IDENTITY_SESSION_TTL.*not a duration/);
    expect(() => loadIdentityConfig({ IDENTITY_SESSION_TTL: '0h' })).toThrow(/IDENTITY_SESSION_TTL/);
  });

  it('reads the sign-in throttle, refusing limits that leave no failure slowed before the lock', () => {
    expect(loadIdentityConfig({}).access.signInThrottle).toEqual({
      freeFailures: 3,
      delayMs: 500,
      maxDelayMs: 8000,
      maxFailures: { account: 10, address: 100 },
      windowSeconds: 900,
    });
    expect(() => loadIdentityConfig({ IDENTITY_SIGN_IN_FREE_FAILURES: '10' })).toThrow(/IDENTITY_SIGN_IN_MAX_FAILURES: must be more than/);
  });
});
