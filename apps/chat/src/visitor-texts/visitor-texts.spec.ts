import { handoffPhrasesByLanguage } from '../handoff/phrases';
import {
  chattingWithNotice,
  fillIn,
  noHandoffNotice,
  notSureReply,
  nowATicketNotice,
  visitorTextLanguages,
  visitorTextsIn,
} from './visitor-texts';
import texts from './visitor-texts.json';

describe('visitor texts', () => {
  it('has every text in every language visitors can ask for a person in, each its own words', () => {
    const keys = Object.keys(texts.en).sort();
    expect(visitorTextLanguages.sort()).toEqual(Object.keys(handoffPhrasesByLanguage).sort());
    for (const language of visitorTextLanguages) {
      const entry = (texts as Record<string, Record<string, string>>)[language]!;
      expect({ language, keys: Object.keys(entry).sort() }).toEqual({ language, keys });
      if (language === 'en') continue;
      // A translation that copies the English sentence is no translation ("Source" is the word in French too).
      for (const key of keys.filter((key) => key !== 'source'))
        expect({ language, key, same: entry[key] === texts.en[key as keyof typeof texts.en] }).toEqual({ language, key, same: false });
    }
  });

  it('keeps the English placeholders in every translation, no more and no fewer', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const language of visitorTextLanguages) {
      const words = visitorTextsIn(language);
      for (const [key, english] of Object.entries(texts.en)) {
        expect({ language, key, placeholders: placeholders(words[key as keyof typeof words]) }).toEqual({
          language,
          key,
          placeholders: placeholders(english),
        });
      }
    }
  });

  it('fills placeholders with the values as they are, leaving unknown ones', () => {
    expect(fillIn('to {email} from {who}', { email: 'a$&b@acme.test' })).toBe('to a$&b@acme.test from {who}');
  });

  it('says where the ticket’s answer goes and who the visitor chats with, by name when known', () => {
    expect(nowATicketNotice('fr', 'jane@acme.test')).toBe(
      'Cette conversation est maintenant un ticket : notre réponse vous parviendra par e-mail à jane@acme.test.',
    );
    expect(nowATicketNotice('fr', null)).toBe(texts.fr.nowATicket);
    expect(chattingWithNotice('sv', 'Grace Hopper')).toBe('Du chattar nu med Grace Hopper.');
    expect(chattingWithNotice(null, null)).toBe(texts.en.chattingWithColleague);
  });

  it('falls back to English for a language without an entry, and for none', () => {
    expect(visitorTextsIn('fi')).toEqual(texts.en);
    expect(visitorTextsIn(null)).toEqual(texts.en);
  });

  it('offers a person when one can take the chat, else the ticket path', () => {
    expect(notSureReply('it', true)).toBe(`${texts.it.notSure} ${texts.it.offerPerson}`);
    expect(notSureReply('ja', false)).toBe(`${texts.ja.notSure} ${texts.ja.offerTicket}`);
  });

  it('says why nobody can take the chat, with the time the team is back when there is one', () => {
    const back = new Date('2026-12-07T08:00:00Z');
    expect(noHandoffNotice('de', 'outside_business_hours', back)).toBe(
      'Unser Team ist gerade nicht da (wieder da 2026-12-07T08:00:00.000Z): Wir antworten Ihnen per E-Mail.',
    );
    expect(noHandoffNotice('de', 'outside_business_hours', null)).toBe(texts.de.outsideBusinessHours);
    expect(noHandoffNotice('zh', 'no_agent_available', null)).toBe(texts.zh.noAgentAvailable);
    expect(noHandoffNotice(null, 'no_support_contract', null)).toBe(texts.en.noSupportContract);
  });
});
