import { writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import {
  formatDurationRange,
  remainingEstimate,
  send,
  type HubSession,
  type ImportProgress,
  type ImportResult,
} from '@parallax/hub-client';
import { ImportOverlapGroupsDocument, type ImportOverlapGroupsQuery } from '../gql/graphql.js';

/** "about 5–8 min left" at this run's rate so far (import-estimate.ts), '' before the first chunk. */
export function timeLeft(p: ImportProgress, elapsedMs: number, from = 0): string {
  const left = remainingEstimate({ total: p.total, from, done: p.next, elapsedMs });
  return left ? `${formatDurationRange(left).replace(/^about /u, '')} left` : '';
}

/**
 * Progress on standard error: a bar on a terminal, a line every tenth
 * otherwise. Records not reached yet are "waiting", never "not registered".
 */
export function progressReporter(total: number): {
  update: (p: ImportProgress) => void;
  stop: () => void;
} {
  const started = performance.now();
  const left = (p: ImportProgress): string => timeLeft(p, performance.now() - started) || '…';
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format:
          'importing [{bar}] {value}/{total} done | {waiting} waiting | {fingerprinted} fingerprinted | {left}',
        hideCursor: true,
        etaBuffer: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { fingerprinted: 0, waiting: total, left: '…' });
    return {
      update: (p) =>
        bar.update(p.registered, {
          fingerprinted: p.fingerprinted,
          waiting: p.total - p.next,
          left: left(p),
        }),
      stop: () => bar.stop(),
    };
  }
  // Not a terminal (a log file, CI): a plain line every tenth.
  let next = 0;
  return {
    update: (p) => {
      if (p.registered >= next && p.registered > 0) {
        process.stderr.write(
          `parallax: ${p.registered}/${p.total} records done, ${p.total - p.next} waiting` +
            `${p.noFingerprints > 0 ? `, ${p.noFingerprints} not registered (no usable identifier)` : ''}, ${left(p)}\n`,
        );
        next = p.registered + Math.max(1, Math.ceil(p.total / 10));
      }
    },
    stop: () => undefined,
  };
}

/** The closing summary: counts, OPRF use and where the time went. */
export function summarise(result: ImportResult, skipped: number, seconds: number): string {
  const { clientMs, oprfMs, registerMs } = result.timings;
  const perSecond = (n: number, ms: number): string =>
    ms > 0 ? `${Math.round((n * 1000) / ms)}/s` : '–';
  const lines = [
    `parallax: ${result.total} records in ${seconds.toFixed(1)} s: ${result.created} cases created, ${result.existing} already registered` +
      (skipped > 0
        ? `, ${skipped} without any usable name, date or identifier (not registered)`
        : ''),
    `parallax: ${result.evaluations} OPRF evaluations` +
      (result.budget
        ? ` (your organisation today: ${result.budget.used} of ${result.budget.allowed})`
        : ''),
    `parallax: time: ${(clientMs / 1000).toFixed(1)} s fingerprinting here, ${(oprfMs / 1000).toFixed(1)} s waiting for the hub's OPRF ` +
      `(${perSecond(result.evaluations, oprfMs)} evaluations), ${(registerMs / 1000).toFixed(1)} s waiting for registration ` +
      `(${perSecond(result.created + result.existing, registerMs)} cases); the steps overlap`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Rows per page when counting overlaps: the API's largest page. */
const OVERLAP_PAGE = 200;

/**
 * Overlaps the hub found so far for the imported cases (a courtesy: failures
 * are ignored by the caller). Exact however many there are: the groups by
 * case are read page by page and summed, never a capped list's length.
 */
export async function overlapSummary(
  session: Pick<HubSession, 'request'>,
  workingGroupId: string,
  caseIds: ReadonlySet<string>,
): Promise<string> {
  const mine = { total: 0, strong: 0, probable: 0, possible: 0 };
  let all = 0;
  let after: string | null = null;
  for (;;) {
    const { overlapGroups: page }: ImportOverlapGroupsQuery = await send(
      session.request,
      ImportOverlapGroupsDocument,
      {
        wg: workingGroupId,
        first: OVERLAP_PAGE,
        after,
      },
    );
    for (const g of page.nodes) {
      all += g.total;
      if (!caseIds.has(g.myCase.id)) continue;
      mine.total += g.total;
      mine.strong += g.byStrength.strong;
      mine.probable += g.byStrength.probable;
      mine.possible += g.byStrength.possible;
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return (
    `parallax: overlaps so far: ${mine.total} for these cases (${mine.strong} strong, ${mine.probable} probable, ${mine.possible} possible); ` +
    `${all} for all your organisation's cases in the group. Matching continues on the hub: the web app shows new overlaps as they come.\n`
  );
}

/** `parallax fingerprint IN --hub URL …`: sign in, fingerprint through the hub, register cases chunk by chunk. */

/** The receipt (record id → reference, case id), JSON Lines, readable by the owner only. */
export async function writeReceipt(path: string, records: ImportResult['records']): Promise<void> {
  const lines = records.map((r) =>
    JSON.stringify({
      id: r.recordId,
      reference: r.reference,
      caseId: r.caseId,
      created: r.created,
    }),
  );
  await writeFile(path, lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
}
