/**
 * Birth dates (schema v1). A value may hold a full date, a year and month,
 * a year, several alternatives ("1962 or 1963"), or a range ("01 Jan 1953 to
 * 31 Dec 1954", "between 1953 and 1954"), in ISO form or the forms sanctions
 * lists use ("14 Oct 1963", "October 14, 1963", "14.10.1963", "circa 1960").
 * A range becomes the years it spans, as year-only dates (at most
 * {@link MAX_RANGE_YEARS} of them; a wider range says too little).
 */

/** A normalised partial date: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type PartialDate = string;

export const MAX_RANGE_YEARS = 5;
/** The years the parser accepts at all (a plausibility check is stricter: birth-date-check.ts). */
export const MIN_YEAR = 1850;
export const MAX_YEAR = 2100;

// prettier-ignore
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, janvier: 1, enero: 1, januar: 1,
  feb: 2, february: 2, fevrier: 2, febrero: 2, februar: 2,
  mar: 3, march: 3, mars: 3, marzo: 3, marz: 3,
  apr: 4, april: 4, avril: 4, abril: 4,
  may: 5, mai: 5, mayo: 5,
  jun: 6, june: 6, juin: 6, junio: 6, juni: 6,
  jul: 7, july: 7, juillet: 7, julio: 7, juli: 7,
  aug: 8, august: 8, aout: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septembre: 9, septiembre: 9,
  oct: 10, october: 10, octobre: 10, octubre: 10, okt: 10, oktober: 10,
  nov: 11, november: 11, novembre: 11, noviembre: 11,
  dec: 12, december: 12, decembre: 12, diciembre: 12, dez: 12, dezember: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(year: number, month?: number, day?: number): PartialDate | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function normaliseDigits(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Parses one date expression (no alternatives, no range). */
function parseSingle(raw: string): PartialDate | null {
  const s = raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(circa|ca|c|approx|approximately|about|around|env|vers|born|b)\b\.?/gu, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/gu, '$1')
    .replace(/[^\p{L}\p{N}\s\-/.]/gu, ' ')
    .replace(/\.(?=\s|$)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  let m: RegExpExecArray | null;
  // ISO and year-first numeric: 1963-10-14, 1963/10/14, 1963.10.14, 1963-10, 19631014
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:t.*)?$/u.exec(s))) {
    return make(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/u.exec(s)))
    return make(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{4})$/u.exec(s))) return make(Number(m[1]));
  // day-first numeric: 14.10.1963, 14/10/1963, 14-10-1963; month-first only when unambiguous
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/u.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    return b > 12 && a <= 12 ? make(y, a, b) : make(y, b, a);
  }
  // month and year numeric: 10/1963, 10.1963
  if ((m = /^(\d{1,2})[-/.](\d{4})$/u.exec(s))) return make(Number(m[2]), Number(m[1]));
  // 14 oct 1963, 14-oct-1963, 14 october 1963
  if ((m = /^(\d{1,2})[ \-/.]?([a-z]+)\.?[ \-/.]?(\d{4})$/u.exec(s))) {
    const month = MONTHS[m[2] as string];
    return month === undefined ? null : make(Number(m[3]), month, Number(m[1]));
  }
  // october 14 1963, oct 14, 1963
  if ((m = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/u.exec(s))) {
    const month = MONTHS[m[1] as string];
    return month === undefined ? null : make(Number(m[3]), month, Number(m[2]));
  }
  // oct 1963, october 1963
  if ((m = /^([a-z]+)\.?[ \-/.]?(\d{4})$/u.exec(s))) {
    const month = MONTHS[m[1] as string];
    return month === undefined ? null : make(Number(m[2]), month);
  }
  return null;
}

const yearOf = (d: PartialDate): number => Number(d.slice(0, 4));

/**
 * A date inside a longer text ("born 12 May 1970 in Damascus", "1958
 * (approx.)"): the first full date, else the first month and year, else the
 * only year in it.
 */
function findDate(text: string): PartialDate | null {
  const patterns = [
    /\d{4}-\d{1,2}-\d{1,2}/u,
    /\d{1,2}[ \-/.][a-z]+\.?[ \-/.]\d{4}/u,
    /[a-z]+\.? \d{1,2},? \d{4}/u,
    /\d{1,2}[./]\d{1,2}[./]\d{4}/u,
    /[a-z]+\.? \d{4}/u,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(new RegExp(pattern.source, 'gu'))) {
      const parsed = parseSingle(m[0]);
      if (parsed) return parsed;
    }
  }
  const years = [...text.matchAll(/(?<!\d)\d{4}(?!\d)/gu)].map((m) => m[0]);
  return years.length === 1 ? parseSingle(years[0] as string) : null;
}

/**
 * Parses a birth-date value into normalised partial dates (sorted, unique).
 * Unparseable values give [].
 */
export function parseBirthDates(value: string): PartialDate[] {
  const s = normaliseDigits(value).trim().toLowerCase();
  if (s.length === 0) return [];
  const out = new Set<PartialDate>();
  for (const alternative of s.split(/\s+or\s+|;|\s\/\s/u)) {
    const between = /^(?:between|from)\s+(.+?)\s+(?:and|to|until|till)\s+(.+)$/u.exec(
      alternative.trim(),
    );
    const range =
      between ??
      /^(.+?)\s*(?:\s(?:to|until|till)\s|\s[-–—]\s|–|—)\s*(.+)$/u.exec(alternative.trim());
    const yearSpan = /^(\d{4})\s*[-–—/]\s*(\d{4})$/u.exec(alternative.trim());
    const ends = range ? [range[1], range[2]] : yearSpan ? [yearSpan[1], yearSpan[2]] : null;
    if (ends) {
      const a = parseSingle(ends[0] as string);
      const b = parseSingle(ends[1] as string);
      if (a && b) {
        const from = Math.min(yearOf(a), yearOf(b));
        const to = Math.max(yearOf(a), yearOf(b));
        if (to - from + 1 <= MAX_RANGE_YEARS) for (let y = from; y <= to; y++) out.add(String(y));
        continue;
      }
    }
    const single = parseSingle(alternative) ?? findDate(alternative);
    if (single) out.add(single);
  }
  return [...out].sort();
}

/** The year, year-month and full-date levels of a partial date ("1963-10-14" → 1963, 1963-10, 1963-10-14). */
export function dateLevels(date: PartialDate): PartialDate[] {
  const parts = date.split('-');
  const levels: PartialDate[] = [];
  for (let i = 1; i <= parts.length; i++) levels.push(parts.slice(0, i).join('-'));
  return levels;
}
