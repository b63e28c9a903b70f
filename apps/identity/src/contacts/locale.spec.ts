import { canonicalLanguageTag, isTimeZone } from './locale';

describe('canonicalLanguageTag', () => {
  it('accepts languages with optional region or script, in canonical case', () => {
    expect(canonicalLanguageTag('en')).toBe('en');
    expect(canonicalLanguageTag('pt-br')).toBe('pt-BR');
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
  });

  it.each(['', 'e', 'english language', 'en_US', 'en-', '<script>', '12'])('rejects %p', (raw) => {
    expect(canonicalLanguageTag(raw)).toBeNull();
  });
});

describe('isTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('europe/rome')).toBe(false);
  });
});
