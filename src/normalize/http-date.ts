/**
 * The three HTTP-date forms RFC 9110 section 5.6.7 obliges a recipient to accept. Date.parse is
 * not used: it accepts many other forms and reads asctime dates in the local time zone.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const SHORT_DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const LONG_DAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

const IMF_FIXDATE = new RegExp(`^(?:${SHORT_DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(?:${LONG_DAY}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(?:${SHORT_DAY}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

export type HttpDateForm = 'imf-fixdate' | 'rfc850' | 'asctime';

interface DateParts {
  year: number;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function toEpochMs(parts: DateParts): number | null {
  const month = MONTHS.indexOf(parts.month);
  const day = Number(parts.day.trim());
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  // RFC 9110 allows a leap second (60); Date.UTC folds it into the next minute.
  if (hour > 23 || minute > 59 || second > 60 || day < 1) return null;
  const epoch = Date.UTC(parts.year, month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is rejected instead.
  if (new Date(epoch).getUTCDate() !== day && second !== 60) return null;
  return epoch;
}

/**
 * RFC 850 gives two digits of year; a date more than 50 years ahead of `nowMs` belongs to the
 * previous century, as RFC 9110 requires.
 */
function rfc850Year(twoDigits: number, nowMs: number): number {
  const currentYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + twoDigits;
  if (year > currentYear + 50) year -= 100;
  return year;
}

export function parseHttpDate(value: string, nowMs: number): { epochMs: number; form: HttpDateForm } | null {
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    const [, day = '', month = '', year = '', hour = '', minute = '', second = ''] = match;
    const epochMs = toEpochMs({ year: Number(year), month, day, hour, minute, second });
    return epochMs === null ? null : { epochMs, form: 'imf-fixdate' };
  }
  match = RFC_850.exec(value);
  if (match) {
    const [, day = '', month = '', year = '', hour = '', minute = '', second = ''] = match;
    const fullYear = rfc850Year(Number(year), nowMs);
    const epochMs = toEpochMs({ year: fullYear, month, day, hour, minute, second });
    return epochMs === null ? null : { epochMs, form: 'rfc850' };
  }
  match = ASCTIME.exec(value);
  if (match) {
    const [, month = '', day = '', hour = '', minute = '', second = '', year = ''] = match;
    const epochMs = toEpochMs({ year: Number(year), month, day, hour, minute, second });
    return epochMs === null ? null : { epochMs, form: 'asctime' };
  }
  return null;
}
