import { lowConfidenceHandover, nextLowConfidenceStreak } from './low-confidence';

describe('the low-confidence counter', () => {
  it('counts low-confidence answers in a row and starts again after a confident one', () => {
    const streaks: number[] = [];
    let streak = 0;
    for (const confident of [false, false, true, false]) streaks.push((streak = nextLowConfidenceStreak(streak, confident)));
    expect(streaks).toEqual([1, 2, 0, 1]);
  });

  it('hands over once the streak reaches the limit, not before', () => {
    expect(lowConfidenceHandover(1, 2)).toBe(false);
    expect(lowConfidenceHandover(2, 2)).toBe(true);
    expect(lowConfidenceHandover(3, 2)).toBe(true);
    expect(lowConfidenceHandover(1, 1)).toBe(true);
  });
});
