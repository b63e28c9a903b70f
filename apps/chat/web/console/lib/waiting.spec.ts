import { waitedFor } from './waiting';

describe('waitedFor', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');

  it('counts seconds under a minute, minutes under an hour, then hours and minutes', () => {
    expect(waitedFor('2026-12-05T09:59:35Z', now)).toBe('25 s');
    expect(waitedFor('2026-12-05T09:56:59Z', now)).toBe('3 min');
    expect(waitedFor('2026-12-05T08:35:00Z', now)).toBe('1 h 25 min');
  });

  it('shows no negative wait when the browser’s clock is behind the server’s', () => {
    expect(waitedFor('2026-12-05T10:00:04Z', now)).toBe('0 s');
  });
});
