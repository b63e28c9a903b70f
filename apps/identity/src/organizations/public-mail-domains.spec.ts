import { defaultFreeMailDomains, disposableMailDomains, PublicMailDomains } from './public-mail-domains';

describe('PublicMailDomains', () => {
  const publicDomains = new PublicMailDomains([...defaultFreeMailDomains, 'freemail.test'], disposableMailDomains);

  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'yahoo.com', 'gmx.de', 'web.de', 'proton.me', 'qq.com', '163.com'])(
    'knows %p as free mail',
    (domain) => {
      expect(publicDomains.kindOf(domain)).toBe('free-mail');
    },
  );

  it.each(['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org', 'yopmail.com', 'maildrop.cc'])(
    'knows %p as disposable',
    (domain) => {
      expect(publicDomains.kindOf(domain)).toBe('disposable');
    },
  );

  it('counts subdomains of a public domain as public', () => {
    expect(publicDomains.kindOf('eu.mailinator.com')).toBe('disposable');
    expect(publicDomains.kindOf('mx.gmail.com')).toBe('free-mail');
  });

  it('knows domains added by the settings', () => {
    expect(publicDomains.kindOf('freemail.test')).toBe('free-mail');
  });

  it('leaves private domains alone, including look-alikes', () => {
    expect(publicDomains.kindOf('acme.test')).toBeNull();
    expect(publicDomains.kindOf('notgmail.com')).toBeNull();
    expect(publicDomains.kindOf('gmail.com.acme.test')).toBeNull();
  });

  it('holds every default in normalized form, each once', () => {
    const all = [...defaultFreeMailDomains, ...disposableMailDomains];
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
