import { movedReadMark, readerKey } from './read-mark';

describe('readerKey', () => {
  it('keys a signed-in contact by contact id, whatever visitor id the widget also sends', () => {
    expect(readerKey('0b7c1e1a-98a4-4d5c-9a44-3f0a2f1c1111', '5f1d7c2e-6b1a-4c1e-8f53-2d7f9a0b2222')).toBe(
      'contact:0b7c1e1a-98a4-4d5c-9a44-3f0a2f1c1111',
    );
  });

  it('keys an anonymous reader by the visitor id, and knows no one without either', () => {
    expect(readerKey(null, '5f1d7c2e-6b1a-4c1e-8f53-2d7f9a0b2222')).toBe('visitor:5f1d7c2e-6b1a-4c1e-8f53-2d7f9a0b2222');
    expect(readerKey(null, undefined)).toBeNull();
  });
});

describe('movedReadMark', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const earlier = new Date('2026-03-01T00:00:00Z');
  const later = new Date('2026-03-05T00:00:00Z');

  it('sets the first mark where the reader asks', () => {
    expect(movedReadMark(null, earlier, now)).toEqual(earlier);
  });

  it('moves forward but never back, so a stale tab cannot make read announcements unread again', () => {
    expect(movedReadMark(earlier, later, now)).toEqual(later);
    expect(movedReadMark(later, earlier, now)).toEqual(later);
  });

  it('stops at now, so an announcement scheduled for later is unread once it is published', () => {
    expect(movedReadMark(null, new Date('2027-01-01T00:00:00Z'), now)).toEqual(now);
    expect(movedReadMark(earlier, new Date('2027-01-01T00:00:00Z'), now)).toEqual(now);
  });
});
