import { DataSource } from 'typeorm';
import {
  agreedCluster,
  day,
  RECORD,
  UPDATE,
  type ReferralView,
} from '../support/referral-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { Person, World } from '../support/world.js';

/** The clusters of group 1 the referral suites record on (each suite makes its own). */
export async function referralClusters(ds: DataSource, w: World) {
  return {
    /** orgA leads, orgA2 supports without the right to refer. */
    cluster: await agreedCluster(ds, w.wg1, [
      { organisationId: w.orgA, role: 'lead', mayRefer: true },
      { organisationId: w.orgA2, role: 'supporting', mayRefer: false },
    ]),
    /** orgA leads, orgA2 supports and may refer. */
    clusterMayRefer: await agreedCluster(ds, w.wg1, [
      { organisationId: w.orgA, role: 'lead', mayRefer: true },
      { organisationId: w.orgA2, role: 'supporting', mayRefer: true },
    ]),
    /** orgA2 alone: orgA is not a party. */
    clusterWithoutA: await agreedCluster(ds, w.wg1, [
      { organisationId: w.orgA2, role: 'lead', mayRefer: true },
    ]),
  };
}

/** Recording and updating referrals through the API, and what they wrote. */
export function referralHelpers(ctx: () => SuiteContext) {
  const input = (clusterId: string, over: Record<string, unknown> = {}) => ({
    clusterId,
    authorityId: 'de-bka-zbkv',
    referredOn: day(-3),
    categories: ['witness_statements', 'documents'],
    ...over,
  });

  async function record(p: Person, i: Record<string, unknown>) {
    return p.client.request<{ recordReferral: ReferralView }>(RECORD, { i });
  }

  /** Records as `p`, which must succeed. */
  async function recorded(p: Person, i: Record<string, unknown>): Promise<ReferralView> {
    return (await p.client.ok<{ recordReferral: ReferralView }>(RECORD, { i })).recordReferral;
  }

  async function update(p: Person, i: Record<string, unknown>) {
    return p.client.request<{ updateReferralStatus: ReferralView }>(UPDATE, { i });
  }

  const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) =>
    r.errors?.[0]?.extensions?.code;

  async function counts(clusterId: string) {
    const ds = ctx().t.app.get(DataSource);
    const [r] = await ds.query<Array<{ referrals: number; events: number; audits: number }>>(
      `SELECT (SELECT count(*)::int FROM referral WHERE cluster_id = $1) AS referrals,
            (SELECT count(*)::int FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE r.cluster_id = $1) AS events,
            (SELECT count(*)::int FROM audit_log WHERE action LIKE 'referral.%') AS audits`,
      [clusterId],
    );
    return r;
  }

  return { input, record, recorded, update, codeOf, counts };
}
