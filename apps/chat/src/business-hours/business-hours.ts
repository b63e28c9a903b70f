import { zonedInstant, zonedParts } from './zoned-time';

/** One opening period of a weekday, in minutes since the local midnight (end exclusive, at most 1440). */
export interface OpeningPeriod {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** The team's weekly schedule in its time zone, minus holidays; parsed once from the settings. */
export interface BusinessHours {
  readonly timeZone: string;
  /** Indexed by weekday as `Date#getUTCDay` counts them (0 is Sunday), each sorted by start. */
  readonly week: ReadonlyArray<ReadonlyArray<OpeningPeriod>>;
  /** Local dates (`YYYY-MM-DD`) on which the team is closed all day. */
  readonly holidays: ReadonlySet<string>;
}

export interface BusinessHoursSpec {
  /** `mon-fri 09:00-17:00; sat 10:00-13:00`; empty means open around the clock. */
  schedule: string;
  /** An IANA time zone such as `Europe/Zurich`. */
  timeZone: string;
  /** Comma-separated ISO dates (`2026-12-25, 2026-12-26`), local to the time zone. */
  holidays: string;
}

/** A business-hours specification that cannot be read; `part` names the part that is wrong. */
export class BusinessHoursError extends Error {
  constructor(
    readonly part: keyof BusinessHoursSpec,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`business hours: ${reason}`, options);
    this.name = 'BusinessHoursError';
  }
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MINUTES_PER_DAY = 24 * 60;
/** How far ahead an opening is looked for: a team closed for longer than a year has no "next opening" to show. */
const SEARCH_HORIZON_DAYS = 366;

/** Parses the business-hours settings; a bad one throws a `BusinessHoursError` naming the part that is wrong. */
export function parseBusinessHours(spec: BusinessHoursSpec): BusinessHours {
  const timeZone = parseTimeZone(spec.timeZone);
  const week: OpeningPeriod[][] = WEEKDAYS.map(() => []);
  const entries = spec.schedule
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    for (const day of week) day.push({ startMinute: 0, endMinute: MINUTES_PER_DAY });
  }
  for (const entry of entries) {
    const match = /^(\S+)\s+(\S+)$/.exec(entry.replace(/\s*,\s*/g, ','));
    if (!match) throw new BusinessHoursError('schedule', `"${entry}" must be days then hours, such as "mon-fri 09:00-17:00"`);
    const weekdays = parseDays(match[1], entry);
    const periods = match[2].split(',').map((range) => parsePeriod(range, entry));
    for (const weekday of weekdays) week[weekday].push(...periods);
  }
  for (const day of week) day.sort((a, b) => a.startMinute - b.startMinute);
  return { timeZone, week, holidays: parseHolidays(spec.holidays) };
}

/** Whether the team is open at the instant, judged by the wall clock of its time zone. */
export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  const local = zonedParts(hours.timeZone, at);
  if (hours.holidays.has(local.date)) return false;
  const minute = local.hour * 60 + local.minute;
  return hours.week[local.weekday].some((period) => period.startMinute <= minute && minute < period.endMinute);
}

/**
 * The first instant at or after `at` when the team is open: `at` itself while open. Null when no opening falls
 * within a year (every opening day in it is a holiday). An opening inside a daylight-saving gap (02:30 on the
 * night clocks jump from 02:00 to 03:00) begins when the clocks land past it.
 */
export function nextOpeningAfter(hours: BusinessHours, at: Date): Date | null {
  if (isOpenAt(hours, at)) return at;
  const today = zonedParts(hours.timeZone, at).date;
  for (let offset = 0; offset <= SEARCH_HORIZON_DAYS; offset++) {
    const date = addDays(today, offset);
    if (hours.holidays.has(date)) continue;
    for (const period of hours.week[weekdayOf(date)]) {
      const opening = zonedInstant(hours.timeZone, date, period.startMinute);
      if (opening.getTime() > at.getTime()) return opening;
    }
  }
  return null;
}

function parseTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch (error) {
    throw new BusinessHoursError('timeZone', `"${timeZone}" is not an IANA time zone such as "Europe/Zurich"`, { cause: error });
  }
}

/** `mon-fri`, `sat`, `mon,wed,fri` or `fri-mon` (wrapping over the weekend) to weekday numbers. */
function parseDays(days: string, entry: string): number[] {
  const weekdays = new Set<number>();
  for (const part of days.toLowerCase().split(',')) {
    const [first, last = first, ...rest] = part.split('-').map((name) => WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]));
    if (first < 0 || last < 0 || rest.length > 0) {
      throw new BusinessHoursError('schedule', `"${part}" in "${entry}" must be a day (${WEEKDAYS.join(', ')}) or a range such as mon-fri`);
    }
    for (let day = first; ; day = (day + 1) % 7) {
      weekdays.add(day);
      if (day === last) break;
    }
  }
  return [...weekdays];
}

function parsePeriod(range: string, entry: string): OpeningPeriod {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range);
  const startMinute = match ? minuteOfDay(match[1], match[2]) : null;
  const endMinute = match ? minuteOfDay(match[3], match[4]) : null;
  if (startMinute === null || endMinute === null) {
    throw new BusinessHoursError('schedule', `"${range}" in "${entry}" must be hours such as 09:00-17:00 (24:00 ends at midnight)`);
  }
  if (endMinute <= startMinute) {
    throw new BusinessHoursError('schedule', `"${range}" in "${entry}" must end after it starts; split a night shift at 24:00`);
  }
  return { startMinute, endMinute };
}

function minuteOfDay(hour: string, minute: string): number | null {
  const value = Number(hour) * 60 + Number(minute);
  return Number(minute) < 60 && value <= MINUTES_PER_DAY ? value : null;
}

function parseHolidays(holidays: string): ReadonlySet<string> {
  const dates = holidays
    .split(',')
    .map((date) => date.trim())
    .filter(Boolean);
  for (const date of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) {
      throw new BusinessHoursError('holidays', `holiday "${date}" must be a date such as 2026-12-25`);
    }
  }
  return new Set(dates);
}

/** Calendar arithmetic on `YYYY-MM-DD`, independent of any time zone. */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
