import { namesPlaceholder, renderTemplate, unknownPlaceholdersIn, WelcomeValues } from './template';

const values: WelcomeValues = {
  'contact.name': 'Jane <Doe> & Co',
  'contact.email': 'jane@acme.test',
  'organization.name': 'Acme',
  'portal.url': 'https://support.example.test',
  'portal.username': 'jane@acme.test',
  'portal.setPasswordLink': 'https://support.example.test/set-password?token=t',
};

describe('renderTemplate', () => {
  it('fills every placeholder, also with spaces inside the braces and repeated', () => {
    const rendered = renderTemplate(
      'Hi {{contact.name}} of {{ organization.name }}: {{portal.url}} as {{portal.username}} ({{contact.email}}, {{portal.username}})',
      values,
    );
    expect(rendered).toBe('Hi Jane <Doe> & Co of Acme: https://support.example.test as jane@acme.test (jane@acme.test, jane@acme.test)');
  });

  it('escapes nothing, since the mail is plain text', () => {
    expect(renderTemplate('{{contact.name}}', values)).toBe('Jane <Doe> & Co');
  });

  it('does not fill placeholders that the values contain', () => {
    expect(renderTemplate('{{contact.name}}', { ...values, 'contact.name': '{{portal.url}}' })).toBe('{{portal.url}}');
  });

  it('leaves text without placeholders, and single braces, as they are', () => {
    expect(renderTemplate('Hello {world} }}{{', values)).toBe('Hello {world} }}{{');
  });

  it('refuses an unknown placeholder', () => {
    expect(() => renderTemplate('{{contact.password}}', values)).toThrow(/contact\.password/);
  });
});

describe('unknownPlaceholdersIn', () => {
  it('finds none in a template using only welcome placeholders', () => {
    expect(unknownPlaceholdersIn('{{contact.name}} {{ portal.url }}')).toEqual([]);
  });

  it('names each unknown placeholder once, in order', () => {
    expect(unknownPlaceholdersIn('{{ticket.number}} {{contact.name}} {{}} {{ticket.number}}')).toEqual(['ticket.number', '']);
  });
});

describe('namesPlaceholder', () => {
  it('tells whether a template uses a placeholder, spaces inside the braces or not', () => {
    expect(namesPlaceholder('Set it: {{ portal.setPasswordLink }}', 'portal.setPasswordLink')).toBe(true);
    expect(namesPlaceholder('Visit {{portal.url}}', 'portal.setPasswordLink')).toBe(false);
  });
});
