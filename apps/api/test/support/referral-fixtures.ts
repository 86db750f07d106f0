import {
  initialArrangement,
  leadersOf,
  transition,
  type ArrangementState,
  type PartyRole,
} from '@parallax/domain';
import type { DataSource } from 'typeorm';

/**
 * A cluster of these organisations whose arrangement is agreed on `roles`,
 * written directly (the cluster lifecycle and the negotiation have their own
 * tests): the first leader proposes, everyone else accepts, through the
 * real rule book so the stored state is one it can produce.
 */
export async function agreedCluster(
  ds: DataSource,
  workingGroupId: string,
  roles: PartyRole[],
): Promise<string> {
  const parties = roles.map((r) => r.organisationId);
  const proposer = leadersOf(roles)[0];
  if (!proposer) throw new Error('an agreed arrangement needs a lead or co-lead');
  const at = new Date().toISOString();
  const deadline = new Date(Date.now() + 24 * 3600_000).toISOString();
  let state: ArrangementState = initialArrangement(parties);
  const step = (actor: string, action: Parameters<typeof transition>[2]) => {
    const r = transition(state, { kind: 'party', organisationId: actor }, action);
    if (!r.ok) throw new Error(`fixture transition refused: ${r.message}`);
    state = r.state;
  };
  step(proposer, { type: 'propose', roles, deadline, at });
  for (const o of state.proposal?.mustAnswer ?? [])
    step(o, { type: 'accept', proposalNumber: 1, at });
  if (state.status !== 'agreed') throw new Error(`fixture arrangement is ${state.status}`);

  const [c] = await ds.query<Array<{ id: string }>>(
    'INSERT INTO cluster (working_group_id) VALUES ($1) RETURNING id',
    [workingGroupId],
  );
  const clusterId = c?.id ?? '';
  for (const o of parties)
    await ds.query('INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)', [
      clusterId,
      o,
    ]);
  await ds.query(
    `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [clusterId, workingGroupId, state.version, state.status, JSON.stringify(state)],
  );
  return clusterId;
}

export const RECORD = `mutation($i: RecordReferralInput!) {
  recordReferral(input: $i) {
    id clusterId organisationId authorityId authorityName referredOn categories status statusOn version nextStatuses reminderDue
    history { version status statusOn actorOrganisationId noteMessageId }
  }
}`;

export const UPDATE = `mutation($i: UpdateReferralInput!) {
  updateReferralStatus(input: $i) { id status statusOn version nextStatuses reminderDue history { version status } }
}`;

export interface ReferralView {
  id: string;
  clusterId: string;
  organisationId: string;
  authorityId: string;
  authorityName: string;
  referredOn: string;
  categories: string[];
  status: string;
  statusOn: string;
  version: number;
  nextStatuses: string[];
  reminderDue: boolean;
  history: Array<{
    version: number;
    status: string;
    statusOn?: string;
    actorOrganisationId?: string;
    noteMessageId?: string | null;
  }>;
}

/** The UTC day `days` from now, YYYY-MM-DD. */
export function day(days = 0, from = new Date()): string {
  return new Date(from.getTime() + days * 24 * 3600_000).toISOString().slice(0, 10);
}
