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
});
