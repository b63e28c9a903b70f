import { en } from './en';
import { catalogs, pickLanguage, translator } from './i18n';

describe('the panel’s words', () => {
  it('follows the first preferred language it speaks, by its primary subtag, else English', () => {
    expect(pickLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'it'])).toBe('it');
    expect(pickLanguage(['IT_it'])).toBe('it');
    expect(pickLanguage(['de', 'ja'])).toBe('en');
    expect(pickLanguage([undefined, '', null])).toBe('en');
  });

  it('fills the placeholders it is given and leaves the others visible', () => {
    const t = translator('fr');
    expect(t('chat.queue', { position: 2 })).toBe('Vous êtes en position 2 dans la file d’attente.');
    expect(t('ticket.thanks')).toBe('Merci ! Votre demande n° {number} est ouverte.');
    expect(translator('it')('ticket.follow', { number: 42 })).toBe('Segui la richiesta n. 42');
  });

  it('answers English for a language it does not speak', () => {
    expect(translator('ja')('tabs.help')).toBe('Help');
  });

  it('has every English text translated, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [language, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(en)) {
        const translated = catalog[key as keyof typeof en];
        expect({ language, key, ok: translated.trim().length > 0 }).toEqual({ language, key, ok: true });
        expect({ language, key, placeholders: placeholders(translated) }).toEqual({ language, key, placeholders: placeholders(text) });
      }
    }
  });
});
