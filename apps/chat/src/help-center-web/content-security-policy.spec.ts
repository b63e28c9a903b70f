import { panelContentSecurityPolicy } from './content-security-policy';

describe('the panel page’s Content-Security-Policy', () => {
  const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));

  it('lets only the allowed sites (and chat’s own pages) frame the panel', () => {
    const policy = directives(panelContentSecurityPolicy({ embeddingOrigins: ['https://www.example.com'], apiOrigins: [] }));
    expect(policy.get('frame-ancestors')).toBe("frame-ancestors 'self' https://www.example.com");
    expect(directives(panelContentSecurityPolicy({ embeddingOrigins: [], apiOrigins: [] })).get('frame-ancestors')).toBe(
      "frame-ancestors 'self'",
    );
  });

  it('loads code from chat alone and calls only chat, identity and tickets', () => {
    const policy = directives(
      panelContentSecurityPolicy({ embeddingOrigins: [], apiOrigins: ['https://identity.example.com', 'https://tickets.example.com'] }),
    );
    expect(policy.get('default-src')).toBe("default-src 'none'");
    expect(policy.get('script-src')).toBe("script-src 'self'");
    expect(policy.get('style-src')).toBe("style-src 'self'");
    expect(policy.get('connect-src')).toBe("connect-src 'self' https://identity.example.com https://tickets.example.com");
  });
});
