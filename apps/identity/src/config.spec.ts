import { loadIdentityConfig } from './config';

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
});
