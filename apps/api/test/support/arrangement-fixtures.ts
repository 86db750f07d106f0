import { randomBytes, randomUUID } from 'node:crypto';
import { initialArrangement } from '@parallax/domain';
import { DataSource } from 'typeorm';
import type { GqlResult } from './gql-client.js';
import type { TestApp } from './test-app.js';
import { login, person, type Person } from './world.js';

/** What the arrangement tests read of a LeadArrangement. */
export const ARRANGEMENT_FIELDS = `clusterId version status parties scope
  inForce { organisationId role mayRefer } inForceBy rejections escalationReason escalatedAt reopenRequestedBy
  proposal { number proposedBy counterTo deadline mustAnswer roles { organisationId role mayRefer } answers { organisationId answer } }
  availableActions
  history { id kind version actorOrganisationId byCoordinator proposalNumber noteMessageId roles { organisationId role } }`;

export interface Arrangement {
  clusterId: string;
  version: number;
  status: string;
  parties: string[];
  scope: string[];
  inForce: Array<{ organisationId: string; role: string; mayRefer: boolean }> | null;
  inForceBy: string | null;
  rejections: number;
  escalationReason: string | null;
  escalatedAt: string | null;
  reopenRequestedBy: string | null;
  proposal: {
    number: number;
    proposedBy: string;
    counterTo: number | null;
    deadline: string;
    mustAnswer: string[];
    roles: Array<{ organisationId: string; role: string; mayRefer: boolean }>;
    answers: Array<{ organisationId: string; answer: string }>;
  } | null;
  availableActions: string[];
  history: Array<{
    id: string;
    kind: string;
    version: number;
    actorOrganisationId: string | null;
    byCoordinator: boolean;
    proposalNumber: number | null;
    noteMessageId: string | null;
    roles: Array<{ organisationId: string; role: string }> | null;
  }>;
}

const MUTATIONS = {
  propose: 'proposeLeadArrangement(input: $i)',
  respond: 'respondToLeadProposal(input: $i)',
  comment: 'commentOnArrangement(input: $i)',
  decide: 'decideLeadArrangement(input: $i)',
  reopen: 'requestArrangementReopen(input: $i)',
  answer: 'answerArrangementReopen(input: $i)',
} as const;
const INPUTS = {
  propose: 'ProposeArrangementInput',
  respond: 'RespondToProposalInput',
  comment: 'ArrangementNoteInput',
  decide: 'DecideArrangementInput',
  reopen: 'ReopenRequestInput',
  answer: 'AnswerReopenInput',
} as const;
export type ArrangementMutation = keyof typeof MUTATIONS;

/** Runs one arrangement mutation as `p`; errors are returned, not thrown. */
export async function act(
  p: Person,
  mutation: ArrangementMutation,
  input: Record<string, unknown>,
): Promise<GqlResult<Record<string, Arrangement>>> {
  return p.client.request<Record<string, Arrangement>>(
    `mutation($i: ${INPUTS[mutation]}!) { r: ${MUTATIONS[mutation]} { ${ARRANGEMENT_FIELDS} } }`,
    { i: input },
  );
}

/** As act, expecting success: the new arrangement. */
export async function ok(
  p: Person,
  mutation: ArrangementMutation,
  input: Record<string, unknown>,
): Promise<Arrangement> {
  const r = await act(p, mutation, input);
  if (r.errors?.length || !r.data?.['r'])
    throw new Error(`${mutation}: ${JSON.stringify(r.errors)}`);
  return r.data['r'];
}

export const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> }) =>
  r.errors?.[0]?.extensions?.code;

/** The cluster's arrangement as `p` sees it. */
export async function arrangementOf(p: Person, clusterId: string): Promise<Arrangement> {
  const d = await p.client.ok<{ cluster: { arrangement: Arrangement } }>(
    `query($id: ID!) { cluster(id: $id) { arrangement { ${ARRANGEMENT_FIELDS} } } }`,
    { id: clusterId },
  );
  return d.cluster.arrangement;
}

/** A note sealed (in shape: random bytes) by `sender` to itself, the one copy the hub requires. */
export function note(sender: Pick<Person, 'id'>) {
  return {
    messageId: randomUUID(),
    audience: 'parties_and_coordinators',
    copies: [{ userId: sender.id, sealed: randomBytes(128).toString('base64') }],
  };
}

export const inHours = (h: number, from = new Date()) =>
  new Date(from.getTime() + h * 3_600_000).toISOString();

export const roles = (lead: string, ...supporting: string[]) => [
  { organisationId: lead, role: 'lead' },
  ...supporting.map((organisationId) => ({ organisationId, role: 'supporting' })),
];

/** A new cluster of these organisations in a group, with an open arrangement (the hub's writes). */
export async function freshCluster(
  t: TestApp,
  workingGroupId: string,
  orgs: readonly string[],
): Promise<string> {
  const ds = t.app.get(DataSource);
  const [c] = await ds.query<Array<{ id: string }>>(
    'INSERT INTO cluster (working_group_id) VALUES ($1) RETURNING id',
    [workingGroupId],
  );
  const clusterId = c?.id ?? '';
  for (const o of orgs)
    await ds.query('INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)', [
      clusterId,
      o,
    ]);
  const state = initialArrangement(orgs);
  await ds.query(
    `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [clusterId, workingGroupId, state.version, state.status, JSON.stringify(state)],
  );
  return clusterId;
}

/** A third organisation in a group, with a signed-in admin (no certified keys: it sends no notes). */
export async function thirdParty(
  t: TestApp,
  workingGroupId: string,
  tag: string,
): Promise<{ org: string; admin: Person }> {
  const ds = t.app.get(DataSource);
  const [o] = await ds.query<Array<{ id: string }>>(
    `INSERT INTO organisation (name, kind) VALUES ($1, 'cso') RETURNING id`,
    [`Org ${tag}`],
  );
  const org = o?.id ?? '';
  await ds.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
    [workingGroupId, org],
  );
  const p = await person(t, `admin-${tag}@t.test`, { organisationId: org, role: 'org_admin' });
  const admin = { ...p, client: await login(t, p) };
  return { org, admin };
}

/** What a refused action must leave untouched. */
export async function traces(t: TestApp, clusterId: string) {
  const ds = t.app.get(DataSource);
  const n = async (sql: string, params: unknown[] = []) =>
    Number((await ds.query<Array<{ n: string }>>(sql, params))[0]?.n);
  return {
    events: await n('SELECT count(*) AS n FROM lead_arrangement_event WHERE cluster_id = $1', [
      clusterId,
    ]),
    audit: await n('SELECT count(*) AS n FROM audit_log'),
    messages: await n('SELECT count(*) AS n FROM cluster_message WHERE cluster_id = $1', [
      clusterId,
    ]),
    notifications: await n('SELECT count(*) AS n FROM notification'),
    version: await n('SELECT version AS n FROM lead_arrangement WHERE cluster_id = $1', [
      clusterId,
    ]),
  };
}

/** Proposed by `a`, rejected by `b`, counter-proposed by `b`, rejected by `a`: escalated at version 4. */
export async function escalateByRejections(
  clusterId: string,
  a: { p: Person; org: string },
  b: { p: Person; org: string },
): Promise<Arrangement> {
  const deadline = inHours(48);
  await ok(a.p, 'propose', { clusterId, expectedVersion: 0, roles: roles(a.org, b.org), deadline });
  await ok(b.p, 'respond', {
    clusterId,
    expectedVersion: 1,
    proposalNumber: 1,
    accept: false,
    note: note(b.p),
  });
  await ok(b.p, 'propose', { clusterId, expectedVersion: 2, roles: roles(b.org, a.org), deadline });
  return ok(a.p, 'respond', {
    clusterId,
    expectedVersion: 3,
    proposalNumber: 2,
    accept: false,
    note: note(a.p),
  });
}
