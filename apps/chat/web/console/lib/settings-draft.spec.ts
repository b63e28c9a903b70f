import { changedSettings, InvalidJson, kindOf, toDraft } from './settings-draft';

describe('settings drafts', () => {
  const loaded = {
    autoCreateContacts: true,
    maxPerHour: 20,
    teamName: 'Support',
    welcomeTemplate: { subject: 'Welcome', body: 'Hello {{contact.name}},\nwelcome.' },
    logoUrl: null,
    links: [{ title: 'Community', url: 'https://community.example' }],
  };

  it('edits each setting by the kind of value the service answered', () => {
    expect(Object.fromEntries(Object.entries(loaded).map(([name, value]) => [name, kindOf(value)]))).toEqual({
      autoCreateContacts: 'boolean',
      maxPerHour: 'number',
      teamName: 'text',
      welcomeTemplate: 'group',
      logoUrl: 'nullableText',
      links: 'json',
    });
    expect(kindOf('a'.repeat(81))).toBe('longText');
    expect(kindOf((loaded.welcomeTemplate as { body: string }).body)).toBe('longText');
  });

  it('sends nothing for an untouched draft', () => {
    expect(changedSettings(loaded, toDraft(loaded) as Record<string, unknown>)).toEqual({});
  });

  it('sends each changed setting whole, JSON parsed and empty text as none', () => {
    const draft = toDraft(loaded) as Record<string, unknown>;
    expect(draft).toMatchObject({ logoUrl: '', links: expect.stringContaining('"Community"') });
    const edited = {
      ...draft,
      maxPerHour: 5,
      welcomeTemplate: { ...(draft.welcomeTemplate as object), subject: 'Hi' },
      logoUrl: '/help-center/logos/abc',
      links: '[]',
    };
    expect(changedSettings(loaded, edited)).toEqual({
      maxPerHour: 5,
      welcomeTemplate: { subject: 'Hi', body: loaded.welcomeTemplate.body },
      logoUrl: '/help-center/logos/abc',
      links: [],
    });
    expect(changedSettings({ logoUrl: '/old' }, { logoUrl: '/old' })).toEqual({});
    expect(changedSettings({ logoUrl: null }, { logoUrl: '  ' })).toEqual({});
  });

  it('names a setting whose JSON does not parse', () => {
    const draft = { ...(toDraft(loaded) as Record<string, unknown>), links: '[{ "title": ' };
    expect(() => changedSettings(loaded, draft)).toThrow(InvalidJson);
    expect(() => changedSettings(loaded, draft)).toThrow('links is not valid JSON');
  });
});
