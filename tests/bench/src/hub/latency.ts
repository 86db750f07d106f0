/**
 * Single-case latency: one case registered through the client library (as
 * the browser does), polled through `overlaps` until it shows.
 */
import { randomUUID } from 'node:crypto';
import { fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import { hubEvaluator, registerCases, unlockGroupKey } from '@parallax/hub-client';
import type { AppProcess } from '@parallax/test-support';
import { signIn, type Pins } from './sign-in.js';

export interface Latency {
  total: number;
  afterRegistration: number;
}

export async function singleCaseLatencies(
  hub: AppProcess,
  dataDir: string,
  pins: Pins,
  wg: string,
  epoch: number,
  /** seeded persons of the second organisation, with a passport number */
  targets: ReadonlyArray<{ person: FtmPerson }>,
  runs: number,
): Promise<Latency[]> {
  const admin = await signIn(hub, dataDir, 'admin@ddc.demo.parallax.test');
  const adminKey = await unlockGroupKey(admin.session.request, wg, admin.me, pins(admin.me.userId));
  if (!adminKey) throw new Error('no group key for the DDC admin');
  const latencies: Latency[] = [];
  for (let r = 0; r < runs; r++) {
    // A person the second seeded organisation holds (one with a passport
    // number, so the overlap is certain), entered again by hand.
    const target = targets[r] as { person: FtmPerson };
    const person: FtmPerson = { ...target.person, id: `latency-${r}` };
    const start = performance.now();
    const [fps] = await fingerprintPersons([person], {
      groupKey: adminKey.groupKey,
      evaluator: hubEvaluator(admin.session.request, wg, epoch),
    });
    const registeredAt = performance.now();
    const [reg] = await registerCases(admin.session.request, wg, epoch, [
      {
        idempotencyKey: `latency-${r}-${randomUUID()}`,
        reference: `LAT-${r}`,
        status: 'active',
        situationTags: [],
        crimeTags: [],
        fingerprints: fps?.fingerprints ?? [],
      },
    ]);
    for (;;) {
      const { overlaps: seen } = await admin.session.request<{ overlaps: { totalCount: number } }>(
        'query O($c: ID) { overlaps(caseId: $c, first: 1) { totalCount } }',
        { c: reg?.caseId },
      );
      if (seen.totalCount > 0) break;
      if (performance.now() - start > 30_000)
        throw new Error('the single case showed no overlap in 30 s');
      await new Promise((res) => setTimeout(res, 20));
    }
    latencies.push({
      total: performance.now() - start,
      afterRegistration: performance.now() - registeredAt,
    });
  }
  return latencies;
}
