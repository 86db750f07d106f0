import { METRICS } from './grid.js';
import type { CellKey, PublishedCell } from './types.js';

/** A total and the breakdown cells that add up to it exactly (grid.ts `sumsTo`). */
export interface SumsToRelation {
  total: CellKey;
  parts: CellKey[];
}

const RELATIONS: readonly SumsToRelation[] = METRICS.flatMap((m) =>
  m.sumsTo === null
    ? []
    : [
        {
          total: { metric: m.sumsTo, key: null },
          parts: m.keys.map((key) => ({ metric: m.id, key })),
        },
      ],
);

/** Every `sumsTo` relation of the grid, parts in grid order (a copy). */
export function sumsToRelations(): SumsToRelation[] {
  return RELATIONS.map((r) => ({ total: { ...r.total }, parts: r.parts.map((p) => ({ ...p })) }));
}

/** A cell's address as one string, for sets and maps. */
export function cellId(cell: CellKey): string {
  return `${cell.metric}|${cell.key ?? ''}`;
}

/**
 * Complementary suppression (Hundepool et al., Statistical Disclosure
 * Control, Wiley 2012, on secondary suppression): in a relation "total =
 * sum of parts", one suppressed member alone is recovered by subtraction,
 * so a second one is
 * suppressed too — the published part with the smallest true value (it
 * hides the least), the total only when no part is left. One relation's new
 * suppression can leave another relation with a single one, so this runs to
 * a fixed point. Adds to `suppressed` in place; each pass only adds, so it
 * ends.
 */
export function applyComplementarySuppression(
  suppressed: Set<string>,
  trueValue: (cell: CellKey) => number,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of RELATIONS) {
      const members = [total, ...parts];
      if (members.filter((m) => suppressed.has(cellId(m))).length !== 1) continue;
      const open = parts.filter((p) => !suppressed.has(cellId(p)));
      // Ties go to the first in grid order, so the choice is deterministic.
      const pick = open.reduce<CellKey | null>(
        (best, p) => (best === null || trueValue(p) < trueValue(best) ? p : best),
        null,
      );
      suppressed.add(cellId(pick ?? total));
      changed = true;
    }
  }
}

/**
 * Checker (used by tests and usable on any stored release): the suppressed
 * cells a reader could recover exactly from a published total and its other
 * parts — a suppressed member that is the only suppressed one of a relation
 * whose members are all present. A correct release gives [].
 */
export function derivableSuppressedCells(cells: readonly PublishedCell[]): CellKey[] {
  const byId = new Map(cells.map((c) => [cellId(c), c]));
  const derivable: CellKey[] = [];
  for (const { total, parts } of RELATIONS) {
    const members = [total, ...parts].map((m) => byId.get(cellId(m)));
    if (members.some((m) => m === undefined)) continue;
    const suppressed = members.filter((m): m is PublishedCell => m !== undefined && m.suppressed);
    if (suppressed.length === 1) {
      const only = suppressed[0] as PublishedCell;
      derivable.push({ metric: only.metric, key: only.key });
    }
  }
  return derivable;
}
