/**
 * Is a birth-date value usable? The import asks this of every birth-date
 * cell before a record is fingerprinted. It builds on {@link parseBirthDates}
 * (what the fingerprinting reads) and is stricter in one way: a date that
 * names a day that does not exist ("31/02/1975", "1975-02-29") is refused,
 * where the parser would quietly keep its month or year — a wrong date in
 * the source is worth fixing there, not half-matching on.
 */
import { daysIn, MONTHS, normaliseDigits, parseBirthDates, type PartialDate } from './dates.js';

/** Why a birth date is refused. */
export type BirthDateProblem =
  /** Not a date in any form the fingerprinting reads ("not-a-date"). */
  | 'unparseable'
  /** A day or month that does not exist ("31/02/1975", "1975-02-29", "12/13/1980"). */
  | 'impossible'
  /** After today. */
  | 'future'
  /** Before {@link MIN_BIRTH_YEAR}: a typo, or not a living person. */
  | 'too_early';

/** Birth years before this are refused (the parser itself reads back to 1850, for ranges). */
export const MIN_BIRTH_YEAR = 1900;

/**
 * Values that say the date is not known. They are not errors: the record is
 * imported without a birth date, as the fingerprinting would read it anyway.
 */
const UNKNOWN =
  /^(?:unknown|unk|n\/?a|none|nil|null|-+|\?+|x+|inconnue?|desconocid[oa]|невідомо|неизвестно|غير معروف|مجهول)$/u;

function impossibleDay(text: string): boolean {
  const s = normaliseDigits(text).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const bad = (year: number, month: number, day: number): boolean =>
    month < 1 || month > 12 || day < 1 || day > daysIn(year, month);
  for (const m of s.matchAll(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu)) {
    if (bad(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  }
  for (const m of s.matchAll(/(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/gu)) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // The parser's order: day first, month first only when the day cannot be a month.
    const [month, day] = b > 12 && a <= 12 ? [a, b] : [b, a];
    if (bad(y, month, day)) return true;
  }
  for (const m of s.matchAll(
    /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[ \-/.]?([a-z]+)\.?,?[ \-/.]?(\d{4})/gu,
  )) {
    const month = MONTHS[m[2] as string];
    if (month !== undefined && bad(Number(m[3]), month, Number(m[1]))) return true;
  }
  for (const m of s.matchAll(/([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})/gu)) {
    const month = MONTHS[m[1] as string];
    if (month !== undefined && bad(Number(m[3]), month, Number(m[2]))) return true;
  }
  return false;
}

let lastToday: { date: Date; iso: string } | null = null;

/** Today as "YYYY-MM-DD" (UTC), cut to the precision of a partial date (formatted once per day given). */
function todayAt(today: Date, date: PartialDate): string {
  if (lastToday?.date !== today) lastToday = { date: today, iso: today.toISOString() };
  return lastToday.iso.slice(0, date.length);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The common forms ("1962", "1962-10", "1962-10-14") without the general
 * scan — same verdicts, a fraction of the time on a file of 250,000 rows.
 * Undefined when the value has another form.
 */
function isoProblem(value: string, today: Date): BirthDateProblem | null | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
  if (days === undefined || day < 1 || day > days) return 'impossible';
  if (year < MIN_BIRTH_YEAR) return 'too_early';
  return value > todayAt(today, value) ? 'future' : null;
}

/**
 * The problem of one birth-date value, or null when it is usable (or empty,
 * or says "unknown"). A range too wide to mean anything ("1940 to 1960") is
 * not refused: the fingerprinting ignores it, as it always has.
 */
export function birthDateProblem(value: string, today: Date = new Date()): BirthDateProblem | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  const iso = isoProblem(trimmed, today);
  if (iso !== undefined) return iso;
  if (UNKNOWN.test(trimmed.toLowerCase())) return null;
  if (impossibleDay(trimmed)) return 'impossible';
  const dates = parseBirthDates(trimmed);
  const years =
    dates.length > 0
      ? dates.map((d) => Number(d.slice(0, 4)))
      : [...normaliseDigits(trimmed).matchAll(/(?<!\d)\d{4}(?!\d)/gu)].map((m) => Number(m[0]));
  if (years.some((y) => y < MIN_BIRTH_YEAR)) return 'too_early';
  if (dates.length === 0) {
    if (years.length === 1 && years[0] !== undefined && years[0] > today.getUTCFullYear())
      return 'future';
    return years.length >= 2 ? null : 'unparseable';
  }
  if (dates.some((d) => d > todayAt(today, d))) return 'future';
  return null;
}
