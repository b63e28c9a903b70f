import { VisitorTokens } from './visitor-token';

describe('visitor tokens', () => {
  const tokens = new VisitorTokens('a-secret-of-at-least-thirty-two-characters');
  const visitorId = '5d1c1f4e-8b7a-4c39-9f0e-2b1d6c3a7e11';

  it('gives back the visitor id of a token it signed', () => {
    expect(tokens.verify(tokens.sign(visitorId))).toBe(visitorId);
  });

  it('refuses a token signed with another secret, a changed visitor id and malformed tokens', () => {
    expect(new VisitorTokens('another-secret-of-at-least-thirty-two-chars').verify(tokens.sign(visitorId))).toBeNull();
    const [prefix, , mac] = tokens.sign(visitorId).split('.');
    expect(tokens.verify(`${prefix}.6d1c1f4e-8b7a-4c39-9f0e-2b1d6c3a7e11.${mac}`)).toBeNull();
    for (const bad of ['', 'hgv1', `hgv1.${visitorId}`, `hgv1.not-a-uuid.${mac}`, `${tokens.sign(visitorId)}.extra`]) {
      expect(tokens.verify(bad)).toBeNull();
    }
  });
});
