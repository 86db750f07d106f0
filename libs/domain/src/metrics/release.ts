import { sampleDiscreteLaplace } from './discrete-laplace.js';
import { GRID_VERSION, METRICS, gridCells, metricDefinition, type MetricId } from './grid.js';
import { medianBucket } from './median.js';
import { applyComplementarySuppression, cellId } from './suppression.js';
import type {
  CellKey,
  PublishedCell,
  RandomSource,
  Release,
  ReleaseParameters,
  TrueCell,
} from './types.js';

export { medianBucket } from './median.js';
export { derivableSuppressedCells } from './suppression.js';

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The discrete Laplace scale of a metric: b_m = sensitivity / ε_m with
 * ε_m = ε · shareMilli/1000, i.e. sensitivity·1000·1000 / (epsilonMilli·shareMilli),
 * as a reduced fraction (what the exact sampler takes) and as a float
 * (for display in the published method only — never for sampling).
 */
export function metricScale(
  metric: MetricId,
  epsilonMilli: number,
): { num: bigint; den: bigint; value: number } {
  if (!Number.isSafeInteger(epsilonMilli) || epsilonMilli <= 0) {
    throw new RangeError(`ε in thousandths must be a positive integer, got ${epsilonMilli}`);
  }
  const { sensitivity, shareMilli } = metricDefinition(metric);
  const rawNum = BigInt(sensitivity) * 1_000_000n;
  const rawDen = BigInt(epsilonMilli) * BigInt(shareMilli);
  const divisor = gcd(rawNum, rawDen);
  const num = rawNum / divisor;
  const den = rawDen / divisor;
  return { num, den, value: Number(num) / Number(den) };
}

/** Nearest multiple of `step`, halves rounded up (values that matter are positive). */
function roundToMultiple(value: number, step: number): number {
  return Math.floor((2 * value + step) / (2 * step)) * step;
}

/** The grid in order with each cell's id; the grid is a constant, so once. */
const GRID_CELLS: ReadonlyArray<CellKey & { id: string }> = gridCells().map((c) => ({
  ...c,
  id: cellId(c),
}));
const GRID_IDS: ReadonlySet<string> = new Set(GRID_CELLS.map((c) => c.id));

const scaleCache = new Map<number, Map<MetricId, ReturnType<typeof metricScale>>>();

function scalesFor(epsilonMilli: number): Map<MetricId, ReturnType<typeof metricScale>> {
  let scales = scaleCache.get(epsilonMilli);
  if (!scales) {
    scales = new Map(METRICS.map((m) => [m.id, metricScale(m.id, epsilonMilli)]));
    scaleCache.set(epsilonMilli, scales);
  }
  return scales;
}

function checkParameters(params: ReleaseParameters): void {
  const { epsilonMilli, threshold, minOrganisations, rounding } = params;
  const ok =
    Number.isSafeInteger(epsilonMilli) &&
    epsilonMilli > 0 &&
    Number.isSafeInteger(threshold) &&
    threshold >= 0 &&
    Number.isSafeInteger(minOrganisations) &&
    minOrganisations >= 0 &&
    Number.isSafeInteger(rounding) &&
    rounding >= 1;
  if (!ok) throw new RangeError(`Invalid release parameters ${JSON.stringify(params)}`);
}

/** True cells by address; a grid cell absent from the input counts as 0 with 0 organisations. */
function indexTrueCells(cells: readonly TrueCell[]): Map<string, TrueCell> {
  const byId = new Map<string, TrueCell>();
  for (const cell of cells) {
    const id = cellId(cell);
    if (!GRID_IDS.has(id))
      throw new RangeError(`Not a cell of grid version ${GRID_VERSION}: ${id}`);
    if (byId.has(id)) throw new RangeError(`Cell given twice: ${id}`);
    if (
      !Number.isSafeInteger(cell.value) ||
      cell.value < 0 ||
      !Number.isSafeInteger(cell.organisations) ||
      cell.organisations < 0
    ) {
      throw new RangeError(`Cell ${id} needs non-negative integer counts`);
    }
    byId.set(id, cell);
  }
  return byId;
}

/**
 * The published form of one month's measurements. Every grid cell gets
 * discrete Laplace noise of its metric's scale (also cells that end up
 * suppressed, so the draws do not depend on the data). A cell is
 * suppressed when its true value is below the threshold, it is fed by too
 * few organisations, or its noisy or rounded value is below the threshold;
 * then complementary suppression closes every `sumsTo` relation. Rounding
 * is applied before the suppression decisions so a cell that rounds below
 * the threshold also takes part in complementary suppression.
 * The result carries no true value and no organisation count.
 */
export function buildRelease(
  cells: readonly TrueCell[],
  params: ReleaseParameters,
  rng: RandomSource,
): Release {
  checkParameters(params);
  const truth = indexTrueCells(cells);
  const scales = scalesFor(params.epsilonMilli);
  const trueValue = (cell: CellKey): number => truth.get(cellId(cell))?.value ?? 0;

  const rounded = new Map<string, number>();
  const suppressed = new Set<string>();
  for (const cell of GRID_CELLS) {
    const id = cell.id;
    const measured = truth.get(id);
    const value = measured?.value ?? 0;
    const organisations = measured?.organisations ?? 0;
    const scale = scales.get(cell.metric) as { num: bigint; den: bigint };
    const noisy = value + Number(sampleDiscreteLaplace(scale.num, scale.den, rng));
    const published = roundToMultiple(noisy, params.rounding);
    rounded.set(id, published);
    if (
      value < params.threshold ||
      organisations < params.minOrganisations ||
      noisy < params.threshold ||
      published < params.threshold
    ) {
      suppressed.add(id);
    }
  }
  applyComplementarySuppression(suppressed, trueValue);

  const publishedCells: PublishedCell[] = GRID_CELLS.map(({ metric, key, id }) => {
    const hidden = suppressed.has(id);
    return { metric, key, value: hidden ? null : (rounded.get(id) as number), suppressed: hidden };
  });
  return {
    method: {
      gridVersion: GRID_VERSION,
      epsilonMilli: params.epsilonMilli,
      threshold: params.threshold,
      minOrganisations: params.minOrganisations,
      rounding: params.rounding,
      families: METRICS.map((m) => ({
        metric: m.id,
        shareMilli: m.shareMilli,
        sensitivity: m.sensitivity,
        scale: (scales.get(m.id) as { value: number }).value,
      })),
    },
    cells: publishedCells,
    medianDaysToLead: medianBucket(publishedCells),
  };
}
