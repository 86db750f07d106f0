/**
 * Quality of the overlaps the hub created, against the generator's truth
 * (a true pair = two cases of the same synthetic identity): per strength
 * band, for the notified overlaps (the default alert level) and for all.
 */
export interface Tally {
  readonly n: number;
  readonly tp: number;
  readonly precision: number;
  readonly recall: number;
}

const BANDS = ['strong', 'probable', 'possible', 'weak'] as const;

function tally(pairs: ReadonlyArray<{ pair: string }>, truth: ReadonlySet<string>): Tally {
  const tp = pairs.filter((p) => truth.has(p.pair)).length;
  return {
    n: pairs.length,
    tp,
    precision: pairs.length === 0 ? 1 : tp / pairs.length,
    recall: truth.size === 0 ? 1 : tp / truth.size,
  };
}

export function overlapQuality(
  found: ReadonlyArray<{ pair: string; strength: string }>,
  truth: ReadonlySet<string>,
  notified: ReadonlySet<string>,
): { all: Tally; notified: Tally; lines: string[] } {
  const all = tally(found, truth);
  const note = tally(
    found.filter((o) => notified.has(o.strength)),
    truth,
  );
  const f = (x: number): string => x.toFixed(3);
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = ['overlaps by band (created, true, false; precision):'];
  const bands = [
    ...BANDS,
    ...new Set(
      found.map((o) => o.strength).filter((s) => !(BANDS as readonly string[]).includes(s)),
    ),
  ];
  for (const band of bands) {
    const t = tally(
      found.filter((o) => o.strength === band),
      truth,
    );
    if (t.n === 0 && band === 'weak') continue;
    lines.push(
      `  ${band.padEnd(9)} ${n(t.n).padStart(7)} ${n(t.tp).padStart(7)} ${n(t.n - t.tp).padStart(7)}  ${f(t.precision)}`,
    );
  }
  lines.push(
    `**notified (${[...notified].join(' + ')}, the default alert level): precision ${f(note.precision)}, recall of true pairs ${f(note.recall)}** (${n(note.tp)} of ${n(truth.size)}; ${n(note.n - note.tp)} false alarms)`,
  );
  lines.push(
    `all created (possible and up): precision ${f(all.precision)}, recall ${f(all.recall)} (${n(all.tp)} of ${n(truth.size)}; ${n(all.n - all.tp)} false)`,
  );
  return { all, notified: note, lines };
}
