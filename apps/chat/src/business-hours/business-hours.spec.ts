import { isOpenAt, nextOpeningAfter, parseBusinessHours } from './business-hours';

const hours = (schedule: string, timeZone = 'UTC', holidays = '') => parseBusinessHours({ schedule, timeZone, holidays });
const at = (iso: string) => new Date(iso);

describe('business hours', () => {
  describe('an empty schedule', () => {
    it('is open around the clock, every day', () => {
      const always = hours('');
      for (const instant of ['2026-01-05T00:00:00Z', '2026-01-10T23:59:59Z', '2026-03-08T12:00:00Z']) {
        expect(isOpenAt(always, at(instant))).toBe(true);
      }
    });

    it('still closes on holidays and opens again at the next local midnight', () => {
      const always = hours('', 'Europe/Zurich', '2026-12-25');
      expect(isOpenAt(always, at('2026-12-25T10:00:00Z'))).toBe(false);
      expect(nextOpeningAfter(always, at('2026-12-25T10:00:00Z'))).toEqual(at('2026-12-25T23:00:00Z'));
    });
  });

  describe('a weekly schedule in UTC', () => {
    const office = hours('mon-fri 09:00-17:00; sat 10:00-13:00');

    it('is open inside a period, start included and end excluded', () => {
      expect(isOpenAt(office, at('2026-01-05T09:00:00Z'))).toBe(true); // Monday
      expect(isOpenAt(office, at('2026-01-05T16:59:59Z'))).toBe(true);
      expect(isOpenAt(office, at('2026-01-05T17:00:00Z'))).toBe(false);
      expect(isOpenAt(office, at('2026-01-05T08:59:59Z'))).toBe(false);
      expect(isOpenAt(office, at('2026-01-10T11:00:00Z'))).toBe(true); // Saturday
      expect(isOpenAt(office, at('2026-01-10T14:00:00Z'))).toBe(false);
      expect(isOpenAt(office, at('2026-01-11T11:00:00Z'))).toBe(false); // Sunday
    });

    it('gives the instant itself as the next opening while open', () => {
      expect(nextOpeningAfter(office, at('2026-01-05T10:15:00Z'))).toEqual(at('2026-01-05T10:15:00Z'));
    });

    it('finds the next opening later the same day, the next day and over the weekend', () => {
      expect(nextOpeningAfter(office, at('2026-01-05T07:00:00Z'))).toEqual(at('2026-01-05T09:00:00Z'));
      expect(nextOpeningAfter(office, at('2026-01-05T17:00:00Z'))).toEqual(at('2026-01-06T09:00:00Z'));
      expect(nextOpeningAfter(office, at('2026-01-09T18:00:00Z'))).toEqual(at('2026-01-10T10:00:00Z')); // Friday → Saturday
      expect(nextOpeningAfter(office, at('2026-01-10T13:00:00Z'))).toEqual(at('2026-01-12T09:00:00Z')); // Saturday → Monday
    });

    it('takes several periods a day, in any order, and a lunch break between them', () => {
      const split = hours('mon 13:00-17:00, 09:00-12:00');
      expect(isOpenAt(split, at('2026-01-05T12:30:00Z'))).toBe(false);
      expect(nextOpeningAfter(split, at('2026-01-05T12:30:00Z'))).toEqual(at('2026-01-05T13:00:00Z'));
      expect(nextOpeningAfter(split, at('2026-01-05T06:00:00Z'))).toEqual(at('2026-01-05T09:00:00Z'));
    });

    it('takes lists of days, ranges wrapping over the weekend, upper case and 24:00 as the end of the day', () => {
      const weekend = hours('FRI-MON 20:00-24:00; wed,thu 08:00-09:00');
      expect(isOpenAt(weekend, at('2026-01-11T23:59:00Z'))).toBe(true); // Sunday
      expect(isOpenAt(weekend, at('2026-01-12T21:00:00Z'))).toBe(true); // Monday
      expect(isOpenAt(weekend, at('2026-01-13T21:00:00Z'))).toBe(false); // Tuesday
      expect(isOpenAt(weekend, at('2026-01-08T08:30:00Z'))).toBe(true); // Thursday
    });
  });

  describe('in a time zone', () => {
    it('reads the schedule on the local wall clock, winter and summer', () => {
      const zurich = hours('mon-fri 09:00-17:00', 'Europe/Zurich');
      expect(isOpenAt(zurich, at('2026-01-05T08:00:00Z'))).toBe(true); // 09:00 CET
      expect(isOpenAt(zurich, at('2026-01-05T07:59:00Z'))).toBe(false);
      expect(isOpenAt(zurich, at('2026-07-06T07:00:00Z'))).toBe(true); // 09:00 CEST
      expect(isOpenAt(zurich, at('2026-07-06T15:00:00Z'))).toBe(false); // 17:00 CEST
      expect(nextOpeningAfter(zurich, at('2026-07-06T03:00:00Z'))).toEqual(at('2026-07-06T07:00:00Z'));
    });

    it('takes the local weekday, not the UTC one', () => {
      const tokyo = hours('mon 00:00-02:00', 'Asia/Tokyo');
      expect(isOpenAt(tokyo, at('2026-01-04T15:30:00Z'))).toBe(true); // Sunday in UTC, Monday 00:30 in Tokyo
      expect(isOpenAt(tokyo, at('2026-01-05T00:30:00Z'))).toBe(false);
    });

    it('opens on the day clocks jump forward when they land past the opening time', () => {
      // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT, so 02:30 is never shown.
      const nightShift = hours('sun 02:30-04:00', 'America/New_York');
      expect(nextOpeningAfter(nightShift, at('2026-03-07T12:00:00Z'))).toEqual(at('2026-03-08T07:00:00Z'));
      expect(isOpenAt(nightShift, at('2026-03-08T07:00:00Z'))).toBe(true);
      expect(isOpenAt(nightShift, at('2026-03-08T06:59:00Z'))).toBe(false);
      // A week later the wall clock shows 02:30 again, in EDT.
      expect(nextOpeningAfter(nightShift, at('2026-03-08T09:00:00Z'))).toEqual(at('2026-03-15T06:30:00Z'));
    });

    it('opens at the first showing of a time the clocks show twice when they are set back', () => {
      // Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:00–03:00 is shown twice.
      const berlin = hours('sun 02:30-03:00', 'Europe/Berlin');
      expect(nextOpeningAfter(berlin, at('2026-10-24T12:00:00Z'))).toEqual(at('2026-10-25T00:30:00Z'));
      expect(isOpenAt(berlin, at('2026-10-25T00:45:00Z'))).toBe(true); // 02:45 CEST
      expect(isOpenAt(berlin, at('2026-10-25T01:15:00Z'))).toBe(false); // 02:15 CET
      expect(isOpenAt(berlin, at('2026-10-25T01:45:00Z'))).toBe(true); // 02:45 CET
    });

    it('counts the day of a transition as a full working day', () => {
      const sunday = hours('sun 09:00-17:00', 'Europe/Berlin');
      expect(nextOpeningAfter(sunday, at('2026-03-28T20:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z')); // CEST
      expect(nextOpeningAfter(sunday, at('2026-10-24T20:00:00Z'))).toEqual(at('2026-10-25T08:00:00Z')); // CET
    });
  });

  describe('holidays', () => {
    it('close the whole local day, judged in the time zone', () => {
      const auckland = hours('mon-fri 00:00-24:00', 'Pacific/Auckland', '2026-12-25');
      expect(isOpenAt(auckland, at('2026-12-24T10:59:00Z'))).toBe(true); // 23:59 on the 24th in Auckland
      expect(isOpenAt(auckland, at('2026-12-24T11:30:00Z'))).toBe(false); // 00:30 on the 25th in Auckland
    });

    it('are skipped when looking for the next opening', () => {
      const office = hours('mon-fri 09:00-17:00', 'UTC', '2026-12-25, 2026-12-28');
      expect(nextOpeningAfter(office, at('2026-12-24T18:00:00Z'))).toEqual(at('2026-12-29T09:00:00Z'));
    });

    it('leave no next opening when they cover every opening day of the coming year', () => {
      const days = Array.from({ length: 400 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));
      const closed = hours('mon-fri 09:00-17:00', 'UTC', days.join(','));
      expect(nextOpeningAfter(closed, at('2026-01-01T00:00:00Z'))).toBeNull();
    });
  });

  describe('a bad specification', () => {
    it.each([
      [{ schedule: 'mon-fri 09:00-17:00', timeZone: 'Mars/Olympus', holidays: '' }, /"Mars\/Olympus" is not an IANA time zone/],
      [{ schedule: 'monday 09:00-17:00', timeZone: 'UTC', holidays: '' }, /"monday" .* must be a day/],
      [{ schedule: 'mon-fri-sat 09:00-17:00', timeZone: 'UTC', holidays: '' }, /"mon-fri-sat" .* must be a day/],
      [{ schedule: 'mon-fri', timeZone: 'UTC', holidays: '' }, /"mon-fri" must be days then hours/],
      [{ schedule: 'mon 9-17', timeZone: 'UTC', holidays: '' }, /"9-17" .* must be hours such as 09:00-17:00/],
      [{ schedule: 'mon 09:00-24:30', timeZone: 'UTC', holidays: '' }, /"09:00-24:30" .* must be hours/],
      [{ schedule: 'mon 09:75-10:00', timeZone: 'UTC', holidays: '' }, /"09:75-10:00" .* must be hours/],
      [{ schedule: 'fri 22:00-02:00', timeZone: 'UTC', holidays: '' }, /must end after it starts; split a night shift at 24:00/],
      [{ schedule: '', timeZone: 'UTC', holidays: '2026-02-30' }, /holiday "2026-02-30" must be a date/],
      [{ schedule: '', timeZone: 'UTC', holidays: '25.12.2026' }, /holiday "25.12.2026" must be a date/],
    ])('is refused with the reason: %o', (spec, reason) => {
      expect(() => parseBusinessHours(spec)).toThrow(reason);
    });
  });
});
