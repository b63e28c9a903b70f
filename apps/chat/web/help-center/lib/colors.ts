/** WCAG 2 relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

const toHex = (value: number) =>
  Math.round(Math.max(0, Math.min(255, value)))
    .toString(16)
    .padStart(2, '0');

/**
 * The team's colour as the panel uses it: for white text on it and as text on the panel's light backgrounds, so it
 * must reach the 4.5:1 contrast of normal text against all of them. A colour that does not is darkened step by step
 * (its hue kept) until it does; one that does is used as it is.
 */
export function readableAccent(accent: string, backgrounds: readonly string[] = ['#ffffff', '#f3f4f8', '#e3ecfa']): string {
  if (!/^#[0-9a-f]{6}$/i.test(accent)) return '#1f5fbf';
  let [r, g, b] = [1, 3, 5].map((start) => parseInt(accent.slice(start, start + 2), 16)) as [number, number, number];
  let color = accent.toLowerCase();
  while (backgrounds.some((background) => contrast(color, background) < 4.5)) {
    [r, g, b] = [r * 0.92, g * 0.92, b * 0.92];
    color = `#${toHex(r)}${toHex(g)}${toHex(b)}`;
  }
  return color;
}
