import { contrast, readableAccent } from './colors';

describe('the team’s colour in the panel', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps a colour dark enough as it is', () => {
    expect(readableAccent('#1f5fbf')).toBe('#1f5fbf');
  });

  it('darkens a light colour, keeping its hue, until text in it and on it is readable everywhere', () => {
    const darkened = readableAccent('#1a73e8');
    for (const background of ['#ffffff', '#f3f4f8', '#e3ecfa']) expect(contrast(darkened, background)).toBeGreaterThanOrEqual(4.5);
    expect(readableAccent('#ffff00')).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(readableAccent('#ffff00'), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to the default for anything that is not #rrggbb', () => {
    expect(readableAccent('red')).toBe('#1f5fbf');
  });
});
