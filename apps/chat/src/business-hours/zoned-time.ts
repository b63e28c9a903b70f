/** Wall-clock reading of an instant in an IANA time zone. */
export interface ZonedParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** 0 is Sunday, as `Date#getUTCDay` counts. */
  weekday: number;
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zonedParts(timeZone: string, at: Date): ZonedParts {
  const wall = new Date(wallClockMs(timeZone, at.getTime()));
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The instant the wall clock of the time zone shows `minuteOfDay` on `date`. A time shown twice (clocks set back)
 * is its first showing; a time never shown (clocks jumping over it) is the instant the clocks land past it.
 */
export function zonedInstant(timeZone: string, date: string, minuteOfDay: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Offsets change at most a couple of times a year, so those a day either side are the only candidates.
  const candidates = [wall - offsetMs(timeZone, wall - DAY_MS), wall - offsetMs(timeZone, wall + DAY_MS)]
    .filter((instant) => wallClockMs(timeZone, instant) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  return new Date(firstInstantShowingAtLeast(timeZone, wall));
}

/** In a gap the wall clock jumps forward: search, minute by minute in halves, for where it passes `wall`. */
function firstInstantShowingAtLeast(timeZone: string, wall: number): number {
  let low = wall - offsetMs(timeZone, wall + DAY_MS); // shows less than `wall`
  let high = wall - offsetMs(timeZone, wall - DAY_MS); // shows more than `wall`
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (wallClockMs(timeZone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

function offsetMs(timeZone: string, instant: number): number {
  return wallClockMs(timeZone, instant) - instant;
}

/** The wall-clock reading of an instant, as milliseconds of a UTC date showing the same figures. */
function wallClockMs(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wholeSeconds + (instant - Math.floor(instant / 1000) * 1000);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
