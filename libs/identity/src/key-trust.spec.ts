import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CertificateKind, SignedCertificate } from './certificates.js';
import type { KeyBundle } from './key-bundle.js';
import {
  acceptCoordinatorPin,
  evaluateGroupTrust,
  pinOf,
  type GroupPins,
  type GroupTrustInput,
} from './key-trust.js';
import { certify, testUser, withNewKeys, type TestUser } from './testing/users.js';
import { signCertificate, certificateBodyFor } from './certificates.js';

const W = 'wg-1';
const C = testUser('coordinator', 'secretariat');
const A = testUser('admin-a', 'org-a');
const M = testUser('member-a', 'org-a');
const B = testUser('admin-b', 'org-b');
const N = testUser('member-b', 'org-b');

const baseCerts = (): SignedCertificate[] => [
  certify('org_admin', W, A.bundle, C),
  certify('member', null, M.bundle, A),
  certify('org_admin', W, B.bundle, C),
  certify('member', null, N.bundle, B),
];

function evaluate(
  over: Partial<GroupTrustInput> & {
    extraPeople?: KeyBundle[];
    extraCerts?: SignedCertificate[];
  } = {},
) {
  const coordinators = over.coordinators ?? [C.bundle];
  return evaluateGroupTrust({
    viewerUserId: M.bundle.userId,
    workingGroupId: W,
    coordinators,
    people: over.people ?? [
      ...coordinators,
      A.bundle,
      M.bundle,
      B.bundle,
      N.bundle,
      ...(over.extraPeople ?? []),
    ],
    certificates: over.certificates ?? [...baseCerts(), ...(over.extraCerts ?? [])],
    pins: over.pins ?? { [C.bundle.userId]: pinOf(C.bundle, true) },
    ...(over.commitmentSigner ? { commitmentSigner: over.commitmentSigner } : {}),
  });
}

const ids = (m: Map<string, unknown>) => [...m.keys()].sort();

describe('evaluateGroupTrust: the certificate chain', () => {
  it('trusts the pinned coordinator, certified org admins and the members they certified', () => {
    const t = evaluate();
    expect(ids(t.roots)).toEqual(['coordinator']);
    expect(ids(t.trusted)).toEqual(['admin-a', 'admin-b', 'coordinator', 'member-a', 'member-b']);
    expect(t.untrusted.size).toBe(0);
    expect(t.changedCoordinators).toEqual([]);
  });

  it("a hub-created account in a member organisation, even with the real admin's display name, is not trusted", () => {
    // Display names are not part of any key bundle: the hub may call its
    // account anything; only a certificate chain it cannot sign counts.
    const H = testUser('hub-made', 'org-a');
    expect(evaluate({ extraPeople: [H.bundle] }).untrusted.get('hub-made')).toBe('uncertified');

    // A certificate the hub made itself, claiming the real admin as issuer.
    const forgedBody = certificateBodyFor('member', H.bundle, A.bundle.userId, null);
    const forged: SignedCertificate = {
      kind: 'member',
      workingGroupId: null,
      subjectUserId: 'hub-made',
      issuerUserId: 'admin-a',
      ...signCertificate(forgedBody, H.signingPrivateKey),
    };
    const t = evaluate({ extraPeople: [H.bundle], extraCerts: [forged] });
    expect(t.trusted.has('hub-made')).toBe(false);
    expect(t.untrusted.get('hub-made')).toBe('issuer_untrusted');

    // A whole chain of hub-made accounts: a "coordinator", an "admin" it certifies, a member.
    const F = testUser('hub-coordinator', 'secretariat');
    const H2 = testUser('hub-admin', 'org-a');
    const chain = evaluate({
      coordinators: [C.bundle, F.bundle],
      extraPeople: [H.bundle, H2.bundle],
      extraCerts: [certify('org_admin', W, H2.bundle, F), certify('member', null, H.bundle, H2)],
    });
    for (const id of ['hub-coordinator', 'hub-admin', 'hub-made'])
      expect(chain.trusted.has(id), id).toBe(false);
    expect(chain.untrusted.get('hub-coordinator')).toBe('uncertified');
    expect(chain.untrusted.get('hub-admin')).toBe('issuer_untrusted');
    expect(chain.untrusted.get('hub-made')).toBe('issuer_untrusted');

    // The hub lists its own keys under the real admin's user id.
    const swapped = withNewKeys(A);
    const s = evaluate({ people: [C.bundle, swapped.bundle, M.bundle, B.bundle, N.bundle] });
    expect(s.untrusted.get('admin-a')).toBe('key_mismatch');
    expect(s.untrusted.get('member-a')).toBe('issuer_untrusted');
    expect(ids(s.trusted)).toEqual(['admin-b', 'coordinator', 'member-b']);
  });

  it('a changed coordinator key blocks sealing until re-verified', () => {
    const C2 = withNewKeys(C);
    const blocked = evaluate({ coordinators: [C2.bundle] });
    expect(blocked.changedCoordinators).toEqual(['coordinator']);
    expect(blocked.trusted.size).toBe(0);
    expect(blocked.roots.size).toBe(0);
    for (const id of ['coordinator', 'admin-a', 'member-a', 'admin-b', 'member-b'])
      expect(blocked.untrusted.get(id), id).toBe('coordinator_key_changed');

    // Another coordinator's change blocks the whole group too.
    const D = testUser('coordinator-2', 'secretariat');
    const pins = {
      [C.bundle.userId]: pinOf(C.bundle, true),
      [D.bundle.userId]: pinOf(D.bundle, false),
    };
    const other = evaluate({ coordinators: [C.bundle, withNewKeys(D).bundle], pins });
    expect(other.changedCoordinators).toEqual(['coordinator-2']);
    expect(other.trusted.size).toBe(0);

    // Re-verified (safety number compared): the new key is pinned; the old
    // key's certificates no longer verify, so admins are re-certified.
    const accepted = acceptCoordinatorPin({ [C.bundle.userId]: pinOf(C.bundle, true) }, C2.bundle);
    expect(accepted['coordinator']?.verified).toBe(true);
    const reverified = evaluate({ coordinators: [C2.bundle], pins: accepted });
    expect(reverified.changedCoordinators).toEqual([]);
    expect(ids(reverified.trusted)).toEqual(['coordinator']);
    expect(reverified.untrusted.get('admin-a')).toBe('issuer_untrusted');
    const recertified = evaluate({
      coordinators: [C2.bundle],
      pins: accepted,
      certificates: [
        ...baseCerts(),
        certify('org_admin', W, A.bundle, C2),
        certify('org_admin', W, B.bundle, C2),
      ],
    });
    expect(ids(recertified.trusted)).toEqual([
      'admin-a',
      'admin-b',
      'coordinator',
      'member-a',
      'member-b',
    ]);
  });

  it("checks certificates against the subject's CURRENT keys and organisation", () => {
    const reset = withNewKeys(M); // e.g. a password reset: new key pair, certificates void
    const t = evaluate({ people: [C.bundle, A.bundle, reset.bundle, B.bundle, N.bundle] });
    expect(t.untrusted.get('member-a')).toBe('key_mismatch');
    const moved = { ...A.bundle, organisationId: 'org-b' };
    const m = evaluate({ people: [C.bundle, moved, M.bundle, B.bundle, N.bundle] });
    expect(m.untrusted.get('admin-a')).toBe('key_mismatch');
    expect(m.untrusted.get('member-a')).toBe('issuer_untrusted');
  });

  it("accepts member certificates only from a trusted admin of the subject's own organisation", () => {
    const crossOrg = evaluate({
      certificates: [
        certify('org_admin', W, A.bundle, C),
        certify('org_admin', W, B.bundle, C),
        certify('member', null, N.bundle, A),
        certify('member', null, M.bundle, A),
      ],
    });
    expect(crossOrg.untrusted.get('member-b')).toBe('issuer_untrusted');
    // A coordinator is not an org admin: it cannot certify members directly.
    const byCoordinator = evaluate({ certificates: [certify('member', null, M.bundle, C)] });
    expect(byCoordinator.untrusted.get('member-a')).toBe('issuer_untrusted');
    // A member cannot certify another member.
    const M2 = testUser('member-a2', 'org-a');
    const byMember = evaluate({
      extraPeople: [M2.bundle],
      extraCerts: [certify('member', null, M2.bundle, M)],
    });
    expect(byMember.untrusted.get('member-a2')).toBe('issuer_untrusted');
  });

  it('accepts org_admin certificates only for this group and from a root', () => {
    const otherGroup = evaluate({
      certificates: [
        certify('org_admin', 'wg-2', A.bundle, C),
        certify('member', null, M.bundle, A),
      ],
    });
    expect(otherGroup.trusted.has('admin-a')).toBe(false);
    expect(otherGroup.trusted.has('member-a')).toBe(false);
    const byAdmin = evaluate({
      certificates: [certify('org_admin', W, B.bundle, C), certify('org_admin', W, A.bundle, B)],
    });
    expect(byAdmin.untrusted.get('admin-a')).toBe('issuer_untrusted');
  });

  it('ignores a certificate whose envelope says something other than its signed body', () => {
    const cert = certify('org_admin', W, A.bundle, C);
    // The hub relabels A's certificate as B's.
    const relabelled = { ...cert, subjectUserId: 'admin-b' };
    const t = evaluate({ certificates: [relabelled] });
    expect(t.trusted.has('admin-b')).toBe(false);
    expect(t.trusted.has('admin-a')).toBe(false);
    const asMember = {
      ...certify('member', null, M.bundle, A),
      kind: 'org_admin' as CertificateKind,
      workingGroupId: W,
    };
    // A member certificate relabelled as an org_admin one makes its subject neither.
    const relabelledKind = evaluate({
      certificates: [certify('org_admin', W, A.bundle, C), asMember],
    });
    expect(relabelledKind.trusted.has('member-a')).toBe(false);
    expect(relabelledKind.untrusted.get('member-a')).toBe('issuer_untrusted');
  });

  it('believes neither listing when the hub lists one user twice with different keys', () => {
    const twin = withNewKeys(M).bundle;
    const t = evaluate({ extraPeople: [twin] });
    expect(t.trusted.has('member-a')).toBe(false);
    expect(t.untrusted.get('member-a')).toBe('key_mismatch');
  });

  it('makes co-coordinators roots through coordinator certificates, transitively', () => {
    const C2 = testUser('coordinator-2', 'secretariat');
    const C3 = testUser('coordinator-3', 'secretariat');
    const C4 = testUser('coordinator-4', 'secretariat');
    const C5 = testUser('coordinator-5', 'secretariat');
    const D = testUser('admin-d', 'org-d');
    const t = evaluate({
      coordinators: [C.bundle, C3.bundle, C2.bundle, C4.bundle, C5.bundle],
      extraPeople: [D.bundle],
      extraCerts: [
        certify('coordinator', W, C3.bundle, C2), // listed before its issuer became a root
        certify('coordinator', W, C2.bundle, C),
        certify('coordinator', W, C4.bundle, C5), // C5 is nobody's
        certify('coordinator', 'wg-2', C5.bundle, C),
        certify('org_admin', W, D.bundle, C3),
      ],
    });
    expect(ids(t.roots)).toEqual(['coordinator', 'coordinator-2', 'coordinator-3']);
    expect(t.untrusted.get('coordinator-4')).toBe('issuer_untrusted');
    // A certificate for another group does not count here at all.
    expect(t.untrusted.get('coordinator-5')).toBe('uncertified');
    expect(t.trusted.has('admin-d')).toBe(true);
  });
});

describe('evaluateGroupTrust: pins and trust on first use', () => {
  it('pins the verified commitment signer when the client has no pin for the group', () => {
    const t = evaluate({ pins: {}, commitmentSigner: C.bundle });
    expect(t.newPins).toEqual({ coordinator: pinOf(C.bundle, false) });
    expect(ids(t.roots)).toEqual(['coordinator']);
    expect(t.trusted.size).toBe(5);
  });

  it('trusts nobody without a pin or a verified commitment', () => {
    const t = evaluate({ pins: {} });
    expect(t.roots.size).toBe(0);
    expect(t.trusted.size).toBe(0);
    expect(t.newPins).toEqual({});
    expect(t.untrusted.get('coordinator')).toBe('uncertified');
    expect(t.untrusted.get('admin-a')).toBe('issuer_untrusted');
  });

  it('does not pin a signer the hub does not list as this coordinator with these keys', () => {
    expect(evaluate({ pins: {}, commitmentSigner: A.bundle }).newPins).toEqual({});
    expect(evaluate({ pins: {}, commitmentSigner: withNewKeys(C).bundle }).newPins).toEqual({});
  });

  it('never re-pins on first use once the client has a pin for the group', () => {
    const D = testUser('coordinator-2', 'secretariat');
    const pins: GroupPins = { [C.bundle.userId]: pinOf(C.bundle, true) };
    const t = evaluate({ coordinators: [C.bundle, D.bundle], pins, commitmentSigner: D.bundle });
    expect(t.newPins).toBe(pins);
    expect(t.roots.has('coordinator-2')).toBe(false);
    expect(t.untrusted.get('coordinator-2')).toBe('uncertified');
  });

  it('ignores pins of users the hub no longer lists as coordinators', () => {
    const t = evaluate({
      pins: { 'admin-a': pinOf(A.bundle, true), ...{ coordinator: pinOf(C.bundle, true) } },
    });
    expect(ids(t.roots)).toEqual(['coordinator']);
  });
});

// Random certificate graphs, checked against a direct model of the rules.
const POOL_COORDINATORS = Array.from({ length: 4 }, (_, i) => testUser(`c${i}`, 'secretariat'));
const POOL_PEOPLE = Array.from({ length: 6 }, (_, i) =>
  testUser(`p${i}`, i % 2 === 0 ? 'org-a' : 'org-b'),
);
const STALE = new Map(
  [...POOL_COORDINATORS, ...POOL_PEOPLE].map((u) => [u.bundle.userId, withNewKeys(u)]),
);
/** Keys no certificate in the graphs is about: what a hub substitutes. */
const SUBSTITUTE = new Map(
  [...POOL_COORDINATORS, ...POOL_PEOPLE].map((u) => [u.bundle.userId, withNewKeys(u)]),
);
type Flaw = 'none' | 'forged' | 'stale';
interface Edge {
  kind: CertificateKind;
  issuer: number;
  subject: number;
  flaw: Flaw;
}

function makeCert(edge: Edge, all: TestUser[]): SignedCertificate | null {
  const issuer = all[edge.issuer % all.length] as TestUser;
  const subject = all[edge.subject % all.length] as TestUser;
  if (issuer === subject) return null;
  const wg = edge.kind === 'member' ? null : W;
  const about =
    edge.flaw === 'stale' ? (STALE.get(subject.bundle.userId) as TestUser).bundle : subject.bundle;
  const body = certificateBodyFor(edge.kind, about, issuer.bundle.userId, wg);
  const signer = edge.flaw === 'forged' ? (STALE.get(issuer.bundle.userId) as TestUser) : issuer;
  return {
    kind: edge.kind,
    workingGroupId: wg,
    subjectUserId: subject.bundle.userId,
    issuerUserId: issuer.bundle.userId,
    ...signCertificate(body, signer.signingPrivateKey),
  };
}

function model(
  coordinators: TestUser[],
  people: TestUser[],
  pinned: Set<string>,
  edges: Edge[],
  all: TestUser[],
): string[] {
  const valid = edges
    .filter((e) => e.flaw === 'none')
    .map((e) => ({
      ...e,
      i: all[e.issuer % all.length] as TestUser,
      s: all[e.subject % all.length] as TestUser,
    }))
    .filter((e) => e.i !== e.s);
  const coordinatorIds = new Set(coordinators.map((c) => c.bundle.userId));
  const roots = new Set(coordinators.map((c) => c.bundle.userId).filter((id) => pinned.has(id)));
  for (let grew = true; grew;) {
    grew = false;
    for (const e of valid)
      if (
        e.kind === 'coordinator' &&
        roots.has(e.i.bundle.userId) &&
        coordinatorIds.has(e.s.bundle.userId) &&
        !roots.has(e.s.bundle.userId)
      ) {
        roots.add(e.s.bundle.userId);
        grew = true;
      }
  }
  const admins = new Set(
    valid
      .filter((e) => e.kind === 'org_admin' && roots.has(e.i.bundle.userId) && people.includes(e.s))
      .map((e) => e.s.bundle.userId),
  );
  const members = valid
    .filter(
      (e) =>
        e.kind === 'member' &&
        admins.has(e.i.bundle.userId) &&
        people.includes(e.s) &&
        e.i.bundle.organisationId === e.s.bundle.organisationId,
    )
    .map((e) => e.s.bundle.userId);
  return [...new Set([...roots, ...admins, ...members])].sort();
}

describe('evaluateGroupTrust: random certificate graphs', () => {
  it('trusts exactly the users a valid chain from a pinned coordinator reaches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom<CertificateKind>('coordinator', 'org_admin', 'member'),
            issuer: fc.nat({ max: 9 }),
            subject: fc.nat({ max: 9 }),
            flaw: fc.constantFrom<Flaw>('none', 'none', 'none', 'forged', 'stale'),
          }),
          { maxLength: 12 },
        ),
        (nc, np, pinFlags, edges) => {
          const coordinators = POOL_COORDINATORS.slice(0, nc);
          const people = POOL_PEOPLE.slice(0, np);
          const all = [...coordinators, ...people];
          const pinned = new Set(
            coordinators.filter((_, i) => pinFlags[i]).map((c) => c.bundle.userId),
          );
          const pins: GroupPins = Object.fromEntries(
            coordinators
              .filter((c) => pinned.has(c.bundle.userId))
              .map((c) => [c.bundle.userId, pinOf(c.bundle, true)]),
          );
          const certificates = edges.flatMap((e) => makeCert(e, all) ?? []);
          const t = evaluateGroupTrust({
            viewerUserId: 'viewer',
            workingGroupId: W,
            coordinators: coordinators.map((c) => c.bundle),
            people: all.map((u) => u.bundle),
            certificates,
            pins,
          });
          const expected = model(coordinators, people, pinned, edges, all);
          expect(ids(t.trusted)).toEqual(expected);
          // Everyone listed is either trusted or has a reason.
          for (const u of all)
            expect(t.trusted.has(u.bundle.userId) !== t.untrusted.has(u.bundle.userId)).toBe(true);
          // Substituting any trusted user's keys removes that user.
          const victim = [...t.trusted.keys()].find((id) => !pinned.has(id));
          if (victim) {
            const swapped = all.map((u) =>
              u.bundle.userId === victim ? (SUBSTITUTE.get(victim) as TestUser).bundle : u.bundle,
            );
            const again = evaluateGroupTrust({
              viewerUserId: 'viewer',
              workingGroupId: W,
              coordinators: swapped.filter((b) =>
                coordinators.some((c) => c.bundle.userId === b.userId),
              ),
              people: swapped,
              certificates,
              pins,
            });
            expect(again.trusted.has(victim)).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
