import { writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import {
  send,
  type HubSession,
  type ImportProgress,
  type ImportResult,
} from '@parallax/hub-client';
import { ImportOverlapsDocument } from '../gql/graphql.js';

/** Progress on standard error: a bar on a terminal, a line every tenth otherwise. */
export function progressReporter(total: number): {
  update: (p: ImportProgress) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format:
          'importing [{bar}] {value}/{total} registered | {fingerprinted} fingerprinted | {eta_formatted} left',
        hideCursor: true,
        etaBuffer: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { fingerprinted: 0 });
    return {
      update: (p) => bar.update(p.registered, { fingerprinted: p.fingerprinted }),
      stop: () => bar.stop(),
    };
  }
  // Not a terminal (a log file, CI): a plain line every tenth.
  let next = 0;
  return {
    update: (p) => {
      if (p.registered >= next && p.registered > 0) {
        process.stderr.write(`parallax: ${p.registered}/${p.total} records registered\n`);
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

/** Overlaps the hub found so far for the imported cases (a courtesy: failures are ignored). */
export async function overlapSummary(
  session: HubSession,
  workingGroupId: string,
  caseIds: ReadonlySet<string>,
): Promise<string> {
  const { overlaps } = await send(session.request, ImportOverlapsDocument, { wg: workingGroupId });
  const mine = overlaps.filter((o) => caseIds.has(o.myCase.id));
  const by = (s: string): number => mine.filter((o) => o.strength === s).length;
  return (
    `parallax: overlaps so far: ${mine.length} for these cases (${by('strong')} strong, ${by('probable')} probable, ${by('possible')} possible); ` +
    `${overlaps.length} for all your organisation's cases in the group. Matching continues on the hub: the web app shows new overlaps as they come.\n`
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
