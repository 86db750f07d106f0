import { GraphQLSchemaHost } from '@nestjs/graphql';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredAuthorization, markedOpenToDonors, resolverOperations } from '../src/graphql/resolver-operations.js';
import { GqlClient, type GqlResult } from './support/gql-client.js';
import { addMetricsReleases, type MetricsWorld } from './support/metrics-fixtures.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * The attacker's suite: for every query and mutation in the schema, every
 * role of tenant A (and an anonymous caller) aims the operation at tenant
 * B's objects. Each attempt must be refused, or return nothing of B's.
 * An operation missing from CASES fails the suite, so a new operation
 * cannot ship without its cross-tenant test.
 */

type Case =
  | {
      kind: 'attack';
      document: string;
      variables?: (w: World) => Record<string, unknown>;
      /** B's identifiers that must not appear in a successful answer. */
      secrets?: (w: World) => string[];
      /** Roles for which the policy deliberately allows the answer (with the reason). */
      allowed?: { roles: Role[]; why: string };
    }
  | {
      kind: 'not-tenant-scoped';
      why: string;
      /** What a donor sends to show it is refused (operations not open to donors only). */
      document?: string;
    };

const ROLES = ['anonymous', 'adminA', 'investigatorA', 'viewerA', 'coordinator1', 'donorViewer'] as const;
type Role = (typeof ROLES)[number];

// SIGN_IN_THROTTLED: every role's failed sign-in into B comes from this
// test's one address, which pauses after TOTP_MAX_FAILURES (a refusal too).
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'SIGN_IN_THROTTLED']);
const bSecrets = (w: World) => [w.orgB, w.wg2, w.adminB.id, w.investigatorB.id, w.coordinator2.id, w.invitationB, w.sessionB, w.caseB, w.overlapB, w.notificationB, w.clusterB];
const ELEMENT = Buffer.from('e2a4a06d5f3a2e0b6c9c5ed0b7c6b0a7c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f', 'hex').toString('base64');
const RANDOM_TOKEN = 'x'.repeat(43);
/** A note in the shape the API accepts (a copy for A's admin): the attack must fail on the cluster, not the input. */
const arrangementNote = (w: World) => ({
  messageId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  audience: 'parties_and_coordinators',
  copies: [{ userId: w.adminA.id, sealed: Buffer.alloc(96, 7).toString('base64') }],
});

const CASES: Record<string, Case> = {
  // ---- queries
  serverInfo: { kind: 'not-tenant-scoped', why: 'version facts only' },
  loginParameters: {
    kind: 'not-tenant-scoped',
    why: 'returns a salt for any e-mail, real or fake (indistinguishable); no tenant data',
  },
  invitationPreview: { kind: 'attack', document: 'query($t: String!) { invitationPreview(token: $t) { organisationName } }', variables: () => ({ t: RANDOM_TOKEN }) },
  me: { kind: 'attack', document: '{ me { user { id organisationId } organisation { id } actor { memberOf coordinatorOf } } }', secrets: bSecrets },
  mySessions: { kind: 'attack', document: '{ mySessions { id } }', secrets: bSecrets },
  auditLog: {
    kind: 'attack',
    document: 'query($o: ID) { auditLog(organisationId: $o, limit: 200) { entries { organisationId workingGroupId subjectId actorUserId } } }',
    variables: (w) => ({ o: w.orgB }),
    secrets: bSecrets,
  },
  auditActions: {
    kind: 'attack',
    document: 'query($o: ID) { auditActions(organisationId: $o) }',
    variables: (w) => ({ o: w.orgB }),
    // Action names hold no ids; that B-only actions stay hidden is checked in audit-filters.spec.ts.
    secrets: bSecrets,
  },
  auditCheckpoint: {
    kind: 'attack',
    document: '{ auditCheckpoint(knownSeq: "1") { hubPublicKey latest { seq headHash signature } entryHashAtKnownSeq } }',
    secrets: bSecrets,
  },
  invitations: { kind: 'attack', document: 'query($o: ID!) { invitations(organisationId: $o) { id } }', variables: (w) => ({ o: w.orgB }), secrets: bSecrets },
  organisation: {
    kind: 'attack',
    document: 'query($id: ID!) { organisation(id: $id) { id name } }',
    variables: (w) => ({ id: w.orgB }),
    secrets: bSecrets,
    allowed: { roles: ['coordinator1'], why: 'coordinators read the organisation directory (names, kinds) to admit members' },
  },
  organisations: {
    kind: 'attack',
    document: '{ organisations { id } }',
    secrets: bSecrets,
    allowed: { roles: ['coordinator1'], why: 'coordinators read the organisation directory (names, kinds) to admit members' },
  },
  pendingWorkingGroupInvitations: { kind: 'attack', document: '{ pendingWorkingGroupInvitations { workingGroupId organisation { id } } }', secrets: bSecrets },
  users: { kind: 'attack', document: 'query($o: ID!) { users(organisationId: $o) { id } }', variables: (w) => ({ o: w.orgB }), secrets: bSecrets },
  workingGroup: {
    kind: 'attack',
    document: 'query($id: ID!) { workingGroup(id: $id) { id members { organisation { id } } coordinators { userId } } }',
    variables: (w) => ({ id: w.wg2 }),
    secrets: bSecrets,
  },
  workingGroups: {
    kind: 'attack',
    document: '{ workingGroups { id members { organisation { id } } coordinators { userId } donors { id } } }',
    secrets: (w) => bSecrets(w).filter((s) => s !== w.coordinator2.id),
  },
  case: { kind: 'attack', document: 'query($id: ID!) { case(id: $id) { id reference } }', variables: (w) => ({ id: w.caseB }), secrets: bSecrets },
  cases: {
    kind: 'attack',
    document: 'query($w: ID) { cases(workingGroupId: $w, search: "a") { totalCount nodes { id reference } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  overlaps: {
    kind: 'attack',
    document: 'query($w: ID) { overlaps(workingGroupId: $w, includeRetracted: true) { totalCount nodes { id myCase { id } otherOrganisation { id } } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  overlapGroups: {
    kind: 'attack',
    document: 'query($w: ID) { overlapGroups(workingGroupId: $w, includeRetracted: true) { totalCount nodes { myCase { id reference } clusterKey } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  notifications: { kind: 'attack', document: '{ notifications(limit: 200) { id payload workingGroupId } }', secrets: bSecrets },
  groupKeyStatus: {
    kind: 'attack',
    document: 'query($w: ID!) { groupKeyStatus(workingGroupId: $w) { epoch mySealedKey pendingRecipients { userId } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  keyDirectory: {
    kind: 'attack',
    document: 'query($w: ID!) { keyDirectory(workingGroupId: $w) { holders { userId organisationId } certificates { id subjectUserId issuerUserId } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  keyUnblockers: {
    kind: 'attack',
    document: 'query($w: ID!) { keyUnblockers(workingGroupId: $w) { reason people { userId } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  earlierGroupKeyGrants: {
    kind: 'attack',
    document: 'query($w: ID!) { earlierGroupKeyGrants(workingGroupId: $w) { epoch sealedKey senderUserId } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  myClusters: {
    kind: 'attack',
    document: '{ myClusters(first: 50) { totalCount nodes { id workingGroupId parties { organisationId } myCases { id } } } }',
    secrets: bSecrets,
  },
  cluster: {
    kind: 'attack',
    document: 'query($id: ID!) { cluster(id: $id) { id workingGroupId workingGroupName parties { organisationId organisationName } myCases { id reference } } }',
    variables: (w) => ({ id: w.clusterB }),
    secrets: bSecrets,
  },
  coordinatorPicture: {
    kind: 'attack',
    document: 'query($w: ID!) { coordinatorPicture(workingGroupId: $w) { organisations { id } clusters { organisationIds } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  // ---- mutations
  registerCases: {
    kind: 'attack',
    document: 'mutation($w: ID!, $c: [CaseInput!]!) { registerCases(workingGroupId: $w, cases: $c) { caseId } }',
    variables: (w) => ({
      w: w.wg2,
      c: [{ idempotencyKey: 'intruder-1', reference: 'X-1', status: 'active', situationTags: [], crimeTags: [], epoch: 1, schemaVersion: 'v2', fingerprints: [{ kind: 'name.pair', fp: 'A'.repeat(43) }] }],
    }),
  },
  updateCase: {
    kind: 'attack',
    document: 'mutation($id: ID!) { updateCase(caseId: $id, input: { status: closed }) { id } }',
    variables: (w) => ({ id: w.caseB }),
  },
  withdrawCase: { kind: 'attack', document: 'mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', variables: (w) => ({ id: w.caseB }) },
  setOverlapVerdict: {
    kind: 'attack',
    document: 'mutation($id: ID!) { setOverlapVerdict(overlapId: $id, verdict: "false_match", reason: "x") { id } }',
    variables: (w) => ({ id: w.overlapB }),
  },
  requestContact: { kind: 'attack', document: 'mutation($id: ID!) { requestContact(overlapId: $id) { id } }', variables: (w) => ({ id: w.overlapB }) },
  respondToContact: {
    kind: 'attack',
    document: 'mutation($id: ID!) { respondToContact(overlapId: $id, accept: true) { id } }',
    variables: (w) => ({ id: w.overlapB }),
  },
  markNotificationsRead: {
    kind: 'attack',
    document: 'mutation($ids: [String!]!) { markNotificationsRead(ids: $ids) }',
    variables: (w) => ({ ids: [w.notificationB] }),
    allowed: {
      roles: ['adminA', 'investigatorA', 'viewerA', 'coordinator1', 'donorViewer'],
      why: "marks only the caller's own notifications: B's id is ignored (the last test checks it stays unread)",
    },
  },
  rotateGroupKey: {
    kind: 'attack',
    document: 'mutation($w: ID!, $g: [SealedGrantInput!]!, $c: EpochCommitmentInput!) { rotateGroupKey(workingGroupId: $w, grants: $g, commitment: $c) }',
    variables: (w) => ({
      w: w.wg2,
      g: [{ userId: w.adminA.id, sealedKey: Buffer.alloc(80).toString('base64') }],
      c: { tag: Buffer.alloc(32, 1).toString('base64'), signature: Buffer.alloc(64, 2).toString('base64') },
    }),
  },
  fulfilGroupKeyGrants: {
    kind: 'attack',
    document: 'mutation($w: ID!, $g: [SealedGrantInput!]!) { fulfilGroupKeyGrants(workingGroupId: $w, epoch: 1, grants: $g) }',
    variables: (w) => ({ w: w.wg2, g: [{ userId: w.adminA.id, sealedKey: Buffer.alloc(80).toString('base64') }] }),
  },
  certifyKey: {
    kind: 'attack',
    document: 'mutation($i: CertifyKeyInput!) { certifyKey(input: $i) { id } }',
    variables: (w) => ({
      i: {
        kind: 'org_admin',
        workingGroupId: w.wg2,
        subjectUserId: w.adminB.id,
        body: Buffer.from('{"v":1}').toString('base64'),
        signature: Buffer.alloc(64, 3).toString('base64'),
      },
    }),
  },
  rejectGroupKeyGrant: {
    kind: 'attack',
    document: 'mutation($w: ID!) { rejectGroupKeyGrant(workingGroupId: $w, epoch: 1) }',
    variables: (w) => ({ w: w.wg2 }),
  },
  askForGroupKey: {
    kind: 'attack',
    document: 'mutation($w: ID!) { askForGroupKey(workingGroupId: $w) { reason people { userId } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  setSigningKey: { kind: 'not-tenant-scoped', why: "sets only the caller's own signing key, once (tested in verified-keys.spec)" },
  evaluateOprf: {
    kind: 'attack',
    document: 'mutation($w: ID!, $b: [String!]!) { evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { evaluatedElements } }',
    variables: (w) => ({ w: w.wg2, b: [ELEMENT] }),
  },
  addDonorToWorkingGroup: {
    kind: 'attack',
    document: 'mutation($w: ID!, $o: ID!) { addDonorToWorkingGroup(workingGroupId: $w, organisationId: $o) }',
    variables: (w) => ({ w: w.wg2, o: w.donor }),
  },
  appointCoordinator: {
    kind: 'attack',
    document: 'mutation($w: ID!, $u: ID!) { appointCoordinator(workingGroupId: $w, userId: $u) { id } }',
    variables: (w) => ({ w: w.wg2, u: w.adminA.id }),
  },
  changePassword: { kind: 'not-tenant-scoped', why: "acts only on the caller's own account; no argument names another user" },
  changeUserRole: {
    kind: 'attack',
    document: 'mutation($u: ID!) { changeUserRole(userId: $u, role: viewer) { id } }',
    variables: (w) => ({ u: w.adminB.id }),
  },
  completeSignUp: {
    kind: 'attack',
    document: 'mutation($i: CompleteSignUpInput!) { completeSignUp(input: $i) { user { id } } }',
    variables: () => ({
      i: {
        token: RANDOM_TOKEN,
        email: 'x@t.test',
        displayName: 'X',
        kdfSalt: Buffer.alloc(16).toString('base64'),
        kdfParams: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 },
        loginKey: Buffer.alloc(32).toString('base64'),
        publicKey: Buffer.alloc(32).toString('base64'),
        encryptedPrivateKey: Buffer.alloc(72).toString('base64'),
        signingPublicKey: Buffer.alloc(32).toString('base64'),
        encryptedSigningKey: Buffer.alloc(72).toString('base64'),
        totpCode: '123456',
        signUpAttempt: Buffer.alloc(32, 1).toString('base64'),
      },
    }),
  },
  createInvitation: {
    kind: 'attack',
    document: 'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: org_admin }) { token } }',
    variables: (w) => ({ o: w.orgB }),
  },
  createOrganisation: {
    kind: 'attack',
    document: `mutation { createOrganisation(input: { name: "Intruder", kind: cso }) { id } }`,
  },
  createPasswordReset: {
    kind: 'attack',
    document: 'mutation($u: ID!) { createPasswordReset(userId: $u) { token } }',
    variables: (w) => ({ u: w.adminB.id }),
  },
  createWorkingGroup: { kind: 'attack', document: `mutation { createWorkingGroup(input: { name: "Intruder WG" }) { id } }` },
  disableUser: { kind: 'attack', document: 'mutation($u: ID!) { disableUser(userId: $u) { id } }', variables: (w) => ({ u: w.investigatorB.id }) },
  inviteOrganisationToWorkingGroup: {
    kind: 'attack',
    document: 'mutation($w: ID!, $o: ID!) { inviteOrganisationToWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
    variables: (w) => ({ w: w.wg2, o: w.orgA }),
  },
  login: {
    kind: 'attack',
    document: 'mutation($i: LoginInput!) { login(input: $i) { user { id } } }',
    variables: (w) => ({ i: { email: w.adminB.email, loginKey: Buffer.alloc(32).toString('base64'), totpCode: '000000' } }),
  },
  logout: { kind: 'not-tenant-scoped', why: "ends only the caller's own session (tested in auth.spec)" },
  removeCoordinator: {
    kind: 'attack',
    document: 'mutation($w: ID!, $u: ID!) { removeCoordinator(workingGroupId: $w, userId: $u) }',
    variables: (w) => ({ w: w.wg2, u: w.coordinator2.id }),
  },
  removeDonorFromWorkingGroup: {
    kind: 'attack',
    document: 'mutation($w: ID!, $o: ID!) { removeDonorFromWorkingGroup(workingGroupId: $w, organisationId: $o) }',
    variables: (w) => ({ w: w.wg2, o: w.donor }),
  },
  removeOrganisationFromWorkingGroup: {
    kind: 'attack',
    document: 'mutation($w: ID!, $o: ID!) { removeOrganisationFromWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
    variables: (w) => ({ w: w.wg2, o: w.orgB }),
  },
  respondToWorkingGroupInvitation: {
    kind: 'attack',
    document: 'mutation($w: ID!) { respondToWorkingGroupInvitation(workingGroupId: $w, accept: true) { status } }',
    variables: (w) => ({ w: w.wg2 }),
  },
  requestPasswordReset: {
    kind: 'attack',
    document: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    variables: (w) => ({ e: w.adminB.email }),
    allowed: {
      roles: ['anonymous', 'adminA', 'investigatorA', 'viewerA', 'coordinator1', 'donorViewer'],
      why: 'always answers true, for any e-mail: reveals nothing; the request only reaches B’s own admins',
    },
  },
  revokeInvitation: { kind: 'attack', document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }', variables: (w) => ({ id: w.invitationB }) },
  setCaseReferencePattern: {
    kind: 'attack',
    document: 'mutation($o: ID!) { setCaseReferencePattern(organisationId: $o, pattern: "X-##") { id } }',
    variables: (w) => ({ o: w.orgB }),
  },
  revokeSession: { kind: 'attack', document: 'mutation($id: ID!) { revokeSession(id: $id) }', variables: (w) => ({ id: w.sessionB }) },
  startSignUp: {
    kind: 'attack',
    document: 'mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret } }',
    variables: () => ({ t: RANDOM_TOKEN, a: Buffer.alloc(32, 1).toString('base64') }),
  },
  stepUp: { kind: 'not-tenant-scoped', why: "checks the caller's own second factor only" },
  // ---- lead arrangements (issue 11): every act aimed at B's cluster, with a note where one is required
  clusterEscalations: {
    kind: 'attack',
    document: 'query($w: ID!) { clusterEscalations(workingGroupId: $w) { id workingGroupId parties { organisationId } arrangement { clusterId parties } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: bSecrets,
  },
  proposeLeadArrangement: {
    kind: 'attack',
    document: 'mutation($i: ProposeArrangementInput!) { proposeLeadArrangement(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, expectedVersion: 0, roles: [{ organisationId: w.orgB, role: 'lead' }, { organisationId: w.orgB2, role: 'supporting' }], deadline: new Date(Date.now() + 86_400_000).toISOString() } }),
  },
  respondToLeadProposal: {
    kind: 'attack',
    document: 'mutation($i: RespondToProposalInput!) { respondToLeadProposal(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, expectedVersion: 0, proposalNumber: 1, accept: false, note: arrangementNote(w) } }),
  },
  commentOnArrangement: {
    kind: 'attack',
    document: 'mutation($i: ArrangementNoteInput!) { commentOnArrangement(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, note: arrangementNote(w) } }),
  },
  decideLeadArrangement: {
    kind: 'attack',
    document: 'mutation($i: DecideArrangementInput!) { decideLeadArrangement(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, expectedVersion: 0, roles: [{ organisationId: w.orgB, role: 'lead' }, { organisationId: w.orgB2, role: 'supporting' }], note: arrangementNote(w) } }),
  },
  requestArrangementReopen: {
    kind: 'attack',
    document: 'mutation($i: ReopenRequestInput!) { requestArrangementReopen(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, expectedVersion: 0, note: arrangementNote(w) } }),
  },
  answerArrangementReopen: {
    kind: 'attack',
    document: 'mutation($i: AnswerReopenInput!) { answerArrangementReopen(input: $i) { clusterId parties } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, expectedVersion: 0, grant: true, note: arrangementNote(w) } }),
  },
  setLeadNegotiators: {
    kind: 'attack',
    document: 'mutation { setLeadNegotiators(policy: admins) { id leadNegotiators } }',
    allowed: {
      roles: ['adminA', 'coordinator1'],
      why: "sets the caller's own organisation's policy only (no argument names an organisation); admins only",
    },
  },
  // Issue 13: no argument names an organisation, so no call can reach B's level (overlap-alert-level.spec.ts checks B's is unchanged).
  setOverlapAlertLevel: {
    kind: 'attack',
    document: 'mutation { setOverlapAlertLevel(level: possible) { id overlapAlertLevel } }',
    allowed: {
      roles: ['adminA', 'coordinator1'],
      why: "sets the caller's own organisation's alert level only (no argument names an organisation); admins only",
    },
  },
  // ---- the conversation (issue 11): B's cluster's messages, recipients and read marks
  clusterRecipients: {
    kind: 'attack',
    document: 'query($c: ID!) { clusterRecipients(clusterId: $c, audience: parties_and_coordinators) { userId organisationId isCoordinator } }',
    variables: (w) => ({ c: w.clusterB }),
    secrets: bSecrets,
  },
  clusterMessages: {
    kind: 'attack',
    document: 'query($c: ID!) { clusterMessages(clusterId: $c, first: 50) { totalCount nodes { id clusterId senderUserId senderOrganisationId recipientUserIds sealed } } }',
    variables: (w) => ({ c: w.clusterB }),
    secrets: bSecrets,
  },
  unreadMessageCount: { kind: 'attack', document: '{ unreadMessageCount }' },
  sendClusterMessage: {
    kind: 'attack',
    document: 'mutation($c: ID!, $m: SealedMessageInput!) { sendClusterMessage(clusterId: $c, message: $m) { id clusterId recipientUserIds } }',
    variables: (w) => ({ c: w.clusterB, m: { ...arrangementNote(w), messageId: '0e7c1a52-3b4d-4e5f-9a6b-7c8d9e0f1a2b', audience: 'parties' } }),
    secrets: bSecrets,
  },
  markClusterMessagesRead: {
    kind: 'attack',
    document: 'mutation($c: ID!) { markClusterMessagesRead(clusterId: $c) }',
    variables: (w) => ({ c: w.clusterB }),
  },
  // ---- referrals (issue 11)
  referralAuthorities: {
    kind: 'not-tenant-scoped',
    why: "the hub's configured list of authorities, the same for everyone",
    document: '{ referralAuthorities { id } }',
  },
  recordReferral: {
    kind: 'attack',
    document: 'mutation($i: RecordReferralInput!) { recordReferral(input: $i) { id clusterId organisationId } }',
    variables: (w) => ({ i: { clusterId: w.clusterB, authorityId: 'icc-otp', referredOn: '2025-01-02', categories: ['documents'] } }),
    secrets: (w) => [...bSecrets(w), w.referralB],
  },
  updateReferralStatus: {
    kind: 'attack',
    document:
      'mutation($i: UpdateReferralInput!) { updateReferralStatus(input: $i) { id clusterId organisationId status } }',
    variables: (w) => ({ i: { referralId: w.referralB, expectedVersion: 1, status: 'acknowledged', statusOn: '2025-01-03' } }),
    secrets: (w) => [...bSecrets(w), w.referralB],
  },
  // ---- donor metrics (issue 12): B's releases and ledger (metrics-fixtures.ts)
  metricsGrid: {
    kind: 'attack',
    document: '{ metricsGrid { version threshold metrics { id keys } } }',
    secrets: metricsSecrets,
  },
  metricsReleases: {
    kind: 'attack',
    document: 'query($w: ID!) { metricsReleases(workingGroupId: $w) { id workingGroupId period status cells { metric key value } } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: metricsSecrets,
  },
  publishedMetrics: {
    kind: 'attack',
    document: '{ publishedMetrics(from: "2020-01", to: "2030-12") { workingGroupId workingGroupName releases { id workingGroupId period } } }',
    secrets: metricsSecrets,
  },
  privacyBudget: {
    kind: 'attack',
    document: 'query($w: ID!, $y: Int!) { privacyBudget(workingGroupId: $w, year: $y) { workingGroupId spent entries { releaseId period } } }',
    variables: (w) => ({ w: w.wg2, y: m.year }),
    secrets: metricsSecrets,
  },
  computeMetricsRelease: {
    kind: 'attack',
    document: 'mutation($w: ID!) { computeMetricsRelease(workingGroupId: $w, period: "2025-07") { id workingGroupId } }',
    variables: (w) => ({ w: w.wg2 }),
    secrets: metricsSecrets,
  },
  publishMetricsRelease: {
    kind: 'attack',
    document: 'mutation($r: ID!) { publishMetricsRelease(releaseId: $r, expectedVersion: 1) { id workingGroupId status } }',
    variables: () => ({ r: m.draftB }),
    secrets: metricsSecrets,
  },
  withholdMetricsRelease: {
    kind: 'attack',
    document: 'mutation($r: ID!) { withholdMetricsRelease(releaseId: $r, expectedVersion: 1) { id workingGroupId status } }',
    variables: () => ({ r: m.draftB }),
    secrets: metricsSecrets,
  },
};

const t = useTestApp();
let w: World;
let m: MetricsWorld;
beforeAll(async () => {
  w = await buildWorld(t);
  m = await addMetricsReleases(t, w.wg2, w.coordinator2.id);
}, 180_000);

function metricsSecrets(world: World): string[] {
  return [...bSecrets(world), m.releaseB, m.draftB];
}

/** The operations whose declarations let a donor through, read from the resolvers. */
function operationsOpenToDonors(): string[] {
  return resolverOperations()
    .filter((op) => declaredAuthorization(op)?.kind === 'public' || markedOpenToDonors(op))
    .map((op) => op.name)
    .sort();
}

function clientFor(role: Role): GqlClient {
  return role === 'anonymous' ? new GqlClient(t.url) : w[role].client;
}

function leaked(result: GqlResult, secrets: string[]): string[] {
  const text = JSON.stringify(result.data ?? null);
  return secrets.filter((s) => text.includes(s));
}

describe('cross-tenant isolation', () => {
  it('runs against the application’s own database role, as production does: no superuser, no BYPASSRLS', async () => {
    const [role] = await t.app
      .get(DataSource)
      .query('SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(role).toEqual({ name: 'parallax_app', rolsuper: false, rolbypassrls: false });
  });

  it('has a case for every query and mutation in the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    ].sort();
    expect(operations.filter((op) => !(op in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((op) => !operations.includes(op))).toEqual([]);
  });

  const attacks = Object.entries(CASES).filter((e): e is [string, Extract<Case, { kind: 'attack' }>] => e[1].kind === 'attack');
  for (const [op, c] of attacks) {
    for (const role of ROLES) {
      it(`${op} as ${role} reveals nothing of tenant B and changes nothing`, async () => {
        const result = await clientFor(role).request(c.document, c.variables?.(w));
        const codes = (result.errors ?? []).map((e) => e.extensions?.code ?? '?');
        const allowed = c.allowed?.roles.includes(role) ?? false;
        if (codes.length > 0) {
          expect(codes.every((code) => REFUSED.has(code)), `${op} as ${role}: ${JSON.stringify(result.errors)}`).toBe(true);
        } else if (!allowed) {
          expect(leaked(result, c.secrets?.(w) ?? bSecrets(w)), `${op} as ${role} answered ${JSON.stringify(result.data)}`).toEqual([]);
          // A mutation that succeeded must not have touched B: only self-scoped
          // answers may come back without an error.
          expect(op in (t.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}), `${op} as ${role} succeeded`).toBe(false);
        }
      });
    }
  }

  it('a donor reaches no other query or mutation of the schema', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const closed = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    ]
      // What is open to donors is pinned in src/graphql/resolvers.spec.ts.
      .filter((op) => !operationsOpenToDonors().includes(op))
      .sort();
    expect(closed.length).toBeGreaterThan(40);
    const answers: Record<string, string> = {};
    for (const op of closed) {
      const c = CASES[op];
      if (!c?.document) {
        answers[op] = 'no document in CASES to send';
        continue;
      }
      const variables = c.kind === 'attack' ? c.variables?.(w) : undefined;
      const result = await w.donorViewer.client.request(c.document, variables);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code ?? '?');
      answers[op] = codes.length > 0 && codes.every((code) => code === 'FORBIDDEN') ? 'FORBIDDEN' : JSON.stringify(result);
    }
    expect(answers).toEqual(Object.fromEntries(closed.map((op) => [op, 'FORBIDDEN'])));
  });

  it("left tenant B's objects as they were", async () => {
    const b = w.adminB.client;
    const data = await b.ok<{
      users: Array<{ id: string; role: string; disabled: boolean }>;
      invitations: Array<{ id: string; revokedAt: string | null }>;
      workingGroup: { members: Array<{ organisation: { id: string }; status: string }>; coordinators: Array<{ userId: string }> };
    }>(
      `query($o: ID!, $w: ID!) {
        users(organisationId: $o) { id role disabled }
        invitations(organisationId: $o) { id revokedAt }
        workingGroup(id: $w) { members { organisation { id } status } coordinators { userId } }
      }`,
      { o: w.orgB, w: w.wg2 },
    );
    expect(data.users.find((u) => u.id === w.adminB.id)).toMatchObject({ role: 'org_admin', disabled: false });
    expect(data.users.find((u) => u.id === w.investigatorB.id)).toMatchObject({ disabled: false });
    expect(data.invitations.find((i) => i.id === w.invitationB)?.revokedAt).toBeNull();
    expect(data.workingGroup.members).toEqual(
      expect.arrayContaining([{ organisation: { id: w.orgB }, status: 'active' }, { organisation: { id: w.orgB2 }, status: 'active' }]),
    );
    expect(data.workingGroup.members).toHaveLength(2);
    expect(data.workingGroup.coordinators).toEqual([{ userId: w.coordinator2.id }]);
    const cases = await w.investigatorB.client.ok<{ case: { status: string; withdrawnAt: string | null } }>(
      'query($id: ID!) { case(id: $id) { status withdrawnAt } }',
      { id: w.caseB },
    );
    expect(cases.case).toEqual({ status: 'active', withdrawnAt: null });
    const overlaps = await w.investigatorB.client.ok<{ overlaps: { nodes: Array<{ id: string; myVerdict: string | null; contactStatus: string; retractedAt: string | null }> } }>(
      '{ overlaps { nodes { id myVerdict contactStatus retractedAt } } }',
    );
    expect(overlaps.overlaps.nodes).toEqual([{ id: w.overlapB, myVerdict: null, contactStatus: 'accepted', retractedAt: null }]);
    // B's key material: every grant of wg2 and every certificate about B's people is still there, issued by B's side.
    const db = t.app.get(DataSource);
    const grants = await db.query<Array<{ user_id: string }>>('SELECT user_id FROM group_key_grant WHERE working_group_id = $1 ORDER BY user_id', [w.wg2]);
    expect(grants.map((g) => g.user_id)).toEqual([w.adminB.id, w.investigatorB.id, w.coordinator2.id, w.adminB2.id, w.investigatorB2.id].sort());
    const certificates = await db.query<Array<{ issuer_user_id: string }>>(
      'SELECT issuer_user_id FROM key_certificate WHERE subject_user_id = ANY($1::uuid[])',
      [[w.adminB.id, w.investigatorB.id, w.adminB2.id, w.investigatorB2.id]],
    );
    expect(certificates.map((c) => c.issuer_user_id).sort()).toEqual([w.coordinator2.id, w.coordinator2.id, w.adminB.id, w.adminB2.id].sort());
    const unread = await w.adminB.client.ok<{ notifications: Array<{ id: string }> }>('{ notifications(unreadOnly: true) { id } }');
    expect(unread.notifications.map((n) => n.id)).toContain(w.notificationB);
    // B's lead arrangement: untouched, no event, no note.
    const [arrangement] = await db.query<Array<{ version: number; status: string }>>(
      'SELECT version, status FROM lead_arrangement WHERE cluster_id = $1',
      [w.clusterB],
    );
    expect(arrangement).toEqual({ version: 0, status: 'open' });
    expect(await db.query('SELECT id FROM lead_arrangement_event WHERE cluster_id = $1', [w.clusterB])).toEqual([]);
    // B's conversation: no message was slipped into it, as a note or otherwise.
    expect(await db.query('SELECT id FROM cluster_message WHERE cluster_id = $1', [w.clusterB])).toEqual([]);
    // B's referral: neither recorded over nor moved on, and none added to B's cluster.
    const referrals = await db.query<Array<{ id: string; status: string; version: number }>>(
      'SELECT id, status, version FROM referral WHERE cluster_id = $1',
      [w.clusterB],
    );
    expect(referrals).toEqual([{ id: w.referralB, status: 'referred', version: 1 }]);
    // B's metrics: the draft neither published nor withheld, nothing computed, nothing charged;
    // and B's coordinator reads both, so the attacks above aimed at releases the API serves.
    const own = await w.coordinator2.client.ok<{ metricsReleases: Array<{ id: string; status: string }> }>(
      'query($w: ID!) { metricsReleases(workingGroupId: $w) { id status } }',
      { w: w.wg2 },
    );
    expect(own.metricsReleases).toEqual([
      { id: m.draftB, status: 'draft' },
      { id: m.releaseB, status: 'published' },
    ]);
    const releases = await db.query<Array<{ id: string; status: string; version: number }>>(
      'SELECT id, status, version FROM metrics_release WHERE working_group_id = $1 ORDER BY period',
      [w.wg2],
    );
    expect(releases).toEqual([
      { id: m.releaseB, status: 'published', version: 1 },
      { id: m.draftB, status: 'draft', version: 1 },
    ]);
    const charged = await db.query<Array<{ release_id: string }>>(
      'SELECT release_id FROM privacy_budget_entry WHERE working_group_id = $1 ORDER BY charged_at, release_id',
      [w.wg2],
    );
    expect(charged.map((e) => e.release_id).sort()).toEqual([m.releaseB, m.draftB].sort());
  });
});
