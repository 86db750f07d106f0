/**
 * Linkage quality per kind of pair: "dated" when both records carry a full
 * birth date (day, month and year), "undated" when one or both lack one
 * (only a year, a range, or nothing) — of these, "no date" when one side
 * has no birth date at all. A false alarm is counted in the kind of its own
 * pair, so precision per kind is that of the alerts a user sees for it.
 */
import type { FtmPerson } from '@parallax/fingerprint';

export type PairKind = 'dated' | 'undated' | 'no date';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const FULL_DATE = [
  /^\d{4}-\d{1,2}-\d{1,2}$/u,
  new RegExp(`^\\d{1,2} ${MONTH} \\d{4}$`, 'iu'),
  new RegExp(`^${MONTH} \\d{1,2},? \\d{4}$`, 'iu'),
  /^\d{1,2}[./]\d{1,2}[./]\d{4}$/u,
];

const dates = (p: FtmPerson): string[] => {
  const v = p.properties['birthDate'];
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
};
const hasFullDate = (p: FtmPerson): boolean =>
  dates(p).some((d) => FULL_DATE.some((re) => re.test(d.trim())));

export function pairKind(a: FtmPerson, b: FtmPerson): PairKind {
  if (dates(a).length === 0 || dates(b).length === 0) return 'no date';
  return hasFullDate(a) && hasFullDate(b) ? 'dated' : 'undated';
}

interface Row {
  kind: string;
  truth: number;
  tp: number;
  fp: number;
}

/**
 * Lines of a table: per kind (dated, undated and its "no date" part, all),
 * precision / recall / F1 at the alert threshold and at probable and up.
 */
export function qualityByKind(
  found: ReadonlyArray<{ key: string; strength: string }>,
  truth: ReadonlySet<string>,
  kindOf: (key: string) => PairKind,
): string[] {
  const groups: ReadonlyArray<readonly [string, (k: PairKind) => boolean]> = [
    ['dated', (k) => k === 'dated'],
    ['undated', (k) => k !== 'dated'],
    ['  of which no date', (k) => k === 'no date'],
    ['all', () => true],
  ];
  const levels: ReadonlyArray<readonly [string, (s: string) => boolean]> = [
    ['alert threshold', () => true],
    ['probable and up', (s) => s === 'probable' || s === 'strong'],
  ];
  const f = (x: number): string => (Number.isNaN(x) ? '  —  ' : x.toFixed(3));
  const lines = [
    `  ${'kind'.padEnd(20)} ${'level'.padEnd(16)} precision recall  F1     TP   FP   FN  (true pairs)`,
  ];
  for (const [label, inGroup] of groups) {
    const truthIn = [...truth].filter((t) => inGroup(kindOf(t)));
    for (const [level, atLevel] of levels) {
      const row: Row = { kind: label, truth: truthIn.length, tp: 0, fp: 0 };
      for (const p of found) {
        if (!atLevel(p.strength) || !inGroup(kindOf(p.key))) continue;
        if (truth.has(p.key)) row.tp++;
        else row.fp++;
      }
      const precision = row.tp + row.fp === 0 ? NaN : row.tp / (row.tp + row.fp);
      const recall = row.truth === 0 ? NaN : row.tp / row.truth;
      const f1 = (2 * precision * recall) / (precision + recall);
      lines.push(
        `  ${label.padEnd(20)} ${level.padEnd(16)} ${f(precision)}     ${f(recall)}  ${f(f1)}  ${String(row.tp).padStart(4)} ${String(row.fp).padStart(4)} ${String(row.truth - row.tp).padStart(4)}  (${row.truth})`,
      );
    }
  }
  return lines;
}
