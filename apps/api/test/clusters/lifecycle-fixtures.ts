import { transition, type ArrangementState, type PartyRole } from '@parallax/domain';
import { expect } from 'vitest';
import { ArrangementStore } from '../../src/modules/arrangements/arrangement.store.js';
import { overlapBetween, oneCase, reveal } from '../support/cluster-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { Person } from '../support/world.js';

export type Org = { org: string; investigator: Person };

/**
 * The lifecycle suite's helpers: reveals in group 1, and the stored
 * arrangement, parties, events, audit entries and alerts of a cluster. Each
 * reads the shared app and world when called (they exist once the entry's
 * `beforeAll` has run).
 */
export function lifecycleFixtures(ctx: () => SuiteContext) {
  const store = new ArrangementStore();

  const A = (): Org => ({ org: ctx().w.orgA, investigator: ctx().w.investigatorA });
  const A2 = (): Org => ({ org: ctx().w.orgA2, investigator: ctx().w.investigatorA2 });

  async function pairRevealed(
    x: Org,
    y: Org,
    ref: string,
  ): Promise<{ caseX: string; caseY: string; overlap: string }> {
    const { t, w } = ctx();
    const caseX = await oneCase(t, w.wg1, x.org, `${ref}-X`);
    const caseY = await oneCase(t, w.wg1, y.org, `${ref}-Y`);
    const overlap = await overlapBetween(
      t,
      w.wg1,
      { org: x.org, caseId: caseX },
      { org: y.org, caseId: caseY },
    );
    await reveal(x.investigator, y.investigator, overlap);
    return { caseX, caseY, overlap };
  }

  async function revealBetween(x: Org, caseX: string, y: Org, caseY: string): Promise<string> {
    const { t, w } = ctx();
    const overlap = await overlapBetween(
      t,
      w.wg1,
      { org: x.org, caseId: caseX },
      { org: y.org, caseId: caseY },
    );
    await reveal(x.investigator, y.investigator, overlap);
    return overlap;
  }

  const arrangement = async (clusterId: string) => {
    const [row] = await ctx().db.query<
      Array<{ status: string; state: ArrangementState; version: number }>
    >('SELECT status, state, version FROM lead_arrangement WHERE cluster_id = $1', [clusterId]);
    if (!row) throw new Error('no arrangement');
    return row;
  };
  const parties = async (clusterId: string) =>
    ctx().db.query<Array<{ organisation_id: string; left_at: Date | null }>>(
      'SELECT organisation_id, left_at FROM cluster_party WHERE cluster_id = $1 ORDER BY organisation_id',
      [clusterId],
    );
  const events = async (clusterId: string) =>
    (
      await ctx().db.query<Array<{ kind: string; detail: { organisationId?: string } }>>(
        'SELECT kind, detail FROM lead_arrangement_event WHERE cluster_id = $1 ORDER BY created_at, version',
        [clusterId],
      )
    ).map((e) => [e.kind, e.detail.organisationId]);
  const audits = async (clusterId: string) =>
    (
      await ctx().db.query<Array<{ action: string }>>(
        `SELECT action FROM audit_log WHERE subject_type = 'cluster' AND subject_id = $1 ORDER BY seq`,
        [clusterId],
      )
    ).map((r) => r.action);
  const kindsFor = async (org: string, clusterId: string) =>
    (
      await ctx().db.query<Array<{ kind: string }>>(
        `SELECT kind FROM notification WHERE recipient_organisation_id = $1 AND payload ->> 'clusterId' = $2 ORDER BY created_at`,
        [org, clusterId],
      )
    ).map((r) => r.kind);

  /** Drives the arrangement through the rule book to "agreed" on `roles` (proposed by the first party). */
  async function agree(clusterId: string, roles: PartyRole[]): Promise<void> {
    const { db } = ctx();
    const at = new Date().toISOString();
    const deadline = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    let { state } = await arrangement(clusterId);
    const [proposer, ...others] = state.parties;
    const steps = [
      { actor: proposer ?? '', action: { type: 'propose' as const, roles, deadline, at } },
      ...others.map((o) => ({
        actor: o,
        action: { type: 'accept' as const, proposalNumber: state.nextProposalNumber, at },
      })),
    ];
    for (const s of steps) {
      const r = transition(state, { kind: 'party', organisationId: s.actor }, s.action);
      if (!r.ok) throw new Error(r.message);
      const before = state;
      state = r.state;
      await db.transaction((m) =>
        store.save(m, clusterId, before, state, {
          kind: s.action.type,
          actorUserId: null,
          actorOrganisationId: s.actor,
          byCoordinator: false,
          detail: {},
          noteMessageId: null,
        }),
      );
    }
    expect((await arrangement(clusterId)).status).toBe('agreed');
  }

  return {
    A,
    A2,
    pairRevealed,
    revealBetween,
    arrangement,
    parties,
    events,
    audits,
    kindsFor,
    agree,
  };
}
