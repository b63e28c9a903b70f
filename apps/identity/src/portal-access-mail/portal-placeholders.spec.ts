import { fillPortalPlaceholders, namesSetPasswordLink } from './portal-placeholders';

describe('portal placeholders', () => {
  const values = {
    'portal.url': 'https://help.acme.test',
    'portal.username': 'jane@acme.test',
    'portal.setPasswordLink': 'https://help.acme.test/set-password?token=t',
  };

  it('fills the portal placeholders, spaces inside the braces or not', () => {
    expect(fillPortalPlaceholders('Sign in at {{portal.url}} as {{ portal.username }}: {{portal.setPasswordLink}}', values)).toBe(
      'Sign in at https://help.acme.test as jane@acme.test: https://help.acme.test/set-password?token=t',
    );
  });

  it('leaves unknown placeholders as written and does not fill values that look like placeholders', () => {
    expect(fillPortalPlaceholders('{{portal.other}} {{ticket.number}}', values)).toBe('{{portal.other}} {{ticket.number}}');
    expect(fillPortalPlaceholders('{{portal.username}}', { ...values, 'portal.username': '{{portal.url}}' })).toBe('{{portal.url}}');
  });

  it('tells whether a set-password link is named', () => {
    expect(namesSetPasswordLink('Go: {{ portal.setPasswordLink }}')).toBe(true);
    expect(namesSetPasswordLink('Go: {{portal.url}}')).toBe(false);
  });
});
