import { portalLink } from './one-time-link';

describe('one-time links', () => {
  it('points at the portal page for its purpose, under the portal path', () => {
    expect(portalLink('https://help.acme.test', 'set_password', 'abc')).toBe('https://help.acme.test/set-password?token=abc');
    expect(portalLink('https://acme.test/support/', 'verify_email', 'a-b_c')).toBe('https://acme.test/support/verify-email?token=a-b_c');
  });
});
