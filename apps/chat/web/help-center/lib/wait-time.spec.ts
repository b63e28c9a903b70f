import { translator } from '../i18n/i18n';
import { formatBytes, formatWait } from './wait-time';

describe('the queue’s wait in words', () => {
  const t = translator('en');

  it('rounds up to whole minutes', () => {
    expect(formatWait(59_999, t)).toBe('less than a minute');
    expect(formatWait(60_000, t)).toBe('1 minute');
    expect(formatWait(60_001, t)).toBe('2 minutes');
    expect(formatWait(9 * 60_000, t)).toBe('9 minutes');
  });

  it('says "a few minutes" while there is nothing to estimate from', () => {
    expect(formatWait(null, t)).toBe('a few minutes');
    expect(formatWait(null, translator('it'))).toBe('qualche minuto');
  });
});

describe('sizes in words', () => {
  it('uses the largest unit with one decimal below ten', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatBytes(2.25 * 1024 * 1024, 'fr')).toBe('2,3 MB');
  });
});
