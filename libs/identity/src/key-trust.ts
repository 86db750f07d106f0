import { encodeBase64, equalBytes } from './base64.js';
import {
  bodyMatchesBundle,
  verifyCertificate,
  type CertificateKind,
  type SignedCertificate,
} from './certificates.js';
import type { KeyBundle } from './key-bundle.js';

/**
 * Which keys this client trusts with a working group's K_group — decided
 * here, from certificates it verifies itself, never on the hub's word.
 *
 * Roots are the group's coordinators this client pinned (on first use, or
 * after a safety-number check) whose keys the hub still lists unchanged, and
 * coordinators a root certified (transitively). Org admins are trusted with
 * an `org_admin` certificate for the group from a root; other users with a
 * `member` certificate from a trusted org admin of their own organisation.
 * Every certificate must be about the subject's CURRENT listed keys and
 * organisation, so a hub that swaps someone's keys voids their certificates.
 * A pinned coordinator whose listed keys changed blocks all sealing for the
 * group until the user re-verifies it.
 */

/** A pinned coordinator key, stored by the client (never taken from the hub). */
export interface CoordinatorPin {
  /** base64 of the Ed25519 key. */
  signingPublicKey: string;
  /** base64 of the X25519 key. */
  encryptionPublicKey: string;
  /** Confirmed by a safety-number check; otherwise trusted on first use. */
  verified: boolean;
}

/** One viewer's pins for one working group: coordinator user id → pin. */
export type GroupPins = Readonly<Record<string, CoordinatorPin>>;

export type UntrustReason =
  'uncertified' | 'issuer_untrusted' | 'key_mismatch' | 'coordinator_key_changed';

export interface GroupTrustInput {
  viewerUserId: string;
  workingGroupId: string;
  /** The group's coordinators as the hub lists them. */
  coordinators: readonly KeyBundle[];
  /** Everyone the hub lists as an eligible holder, coordinators included. */
  people: readonly KeyBundle[];
  certificates: readonly SignedCertificate[];
  pins: GroupPins;
  /** The signer of the current epoch commitment — only once verified against K_group. */
  commitmentSigner?: KeyBundle | undefined;
}

export interface GroupTrust {
  roots: Map<string, KeyBundle>;
  /** Whom this client may seal K_group to (empty while a coordinator key changed). */
  trusted: Map<string, KeyBundle>;
  untrusted: Map<string, UntrustReason>;
  /** Pinned coordinators whose listed keys differ from the pin: block all sealing. */
  changedCoordinators: string[];
  /** The pins to store: the input's, plus a first-use pin when one was made. */
  newPins: GroupPins;
}

export function pinOf(bundle: KeyBundle, verified: boolean): CoordinatorPin {
  return {
    signingPublicKey: encodeBase64(bundle.signingPublicKey),
    encryptionPublicKey: encodeBase64(bundle.encryptionPublicKey),
    verified,
  };
}

export function pinMatches(pin: CoordinatorPin, bundle: KeyBundle): boolean {
  return (
    pin.signingPublicKey === encodeBase64(bundle.signingPublicKey) &&
    pin.encryptionPublicKey === encodeBase64(bundle.encryptionPublicKey)
  );
}

/** The pins after the user confirmed `coordinator`'s safety number (first pin or a changed key). */
export function acceptCoordinatorPin(pins: GroupPins, coordinator: KeyBundle): GroupPins {
  return { ...pins, [coordinator.userId]: pinOf(coordinator, true) };
}

export function sameBundle(a: KeyBundle, b: KeyBundle): boolean {
  return (
    a.userId === b.userId &&
    a.organisationId === b.organisationId &&
    equalBytes(a.encryptionPublicKey, b.encryptionPublicKey) &&
    equalBytes(a.signingPublicKey, b.signingPublicKey)
  );
}

/** What one subject's certificates say, given who may issue them. */
type CertVerdict = { ok: true } | { ok: false; reason: UntrustReason };

function judge(
  subject: KeyBundle,
  kind: CertificateKind,
  workingGroupId: string | null,
  certificates: readonly SignedCertificate[],
  issuerFor: (issuerUserId: string) => KeyBundle | undefined,
): CertVerdict {
  let reason: UntrustReason = 'uncertified';
  for (const cert of certificates) {
    if (
      cert.subjectUserId !== subject.userId ||
      cert.kind !== kind ||
      cert.workingGroupId !== workingGroupId
    )
      continue;
    if (reason === 'uncertified') reason = 'issuer_untrusted';
    const issuer = issuerFor(cert.issuerUserId);
    if (!issuer || issuer.userId === subject.userId) continue;
    const body = verifyCertificate(cert, issuer.signingPublicKey);
    // The envelope is the hub's; only the signed body counts, and it must say the same.
    if (
      !body ||
      body.kind !== kind ||
      body.workingGroupId !== workingGroupId ||
      body.issuerUserId !== issuer.userId ||
      body.subjectUserId !== subject.userId
    )
      continue;
    if (bodyMatchesBundle(body, subject)) return { ok: true };
    reason = 'key_mismatch';
  }
  return { ok: false, reason };
}

const REASON_RANK: Record<UntrustReason, number> = {
  uncertified: 0,
  issuer_untrusted: 1,
  key_mismatch: 2,
  coordinator_key_changed: 3,
};

/** Of a person's two verdicts (as org admin, as member), the one that says more. */
function moreTelling(a: UntrustReason | undefined, b: UntrustReason): UntrustReason {
  return a !== undefined && REASON_RANK[a] > REASON_RANK[b] ? a : b;
}

export function evaluateGroupTrust(input: GroupTrustInput): GroupTrust {
  const { workingGroupId: wg, certificates, pins } = input;
  const untrusted = new Map<string, UntrustReason>();

  // One bundle per user. A hub that lists a user twice with different keys
  // gets neither believed.
  const listed = new Map<string, KeyBundle>();
  const conflicting = new Set<string>();
  for (const b of [...input.coordinators, ...input.people]) {
    const seen = listed.get(b.userId);
    if (seen && !sameBundle(seen, b)) conflicting.add(b.userId);
    else listed.set(b.userId, b);
  }
  for (const id of conflicting) {
    listed.delete(id);
    untrusted.set(id, 'key_mismatch');
  }
  const coordinatorIds = new Set(input.coordinators.map((c) => c.userId));
  const coordinators = [...coordinatorIds].flatMap((id) => listed.get(id) ?? []);

  const roots = new Map<string, KeyBundle>();
  const changedCoordinators: string[] = [];
  for (const c of coordinators) {
    const pin = pins[c.userId];
    if (!pin) continue;
    if (pinMatches(pin, c)) roots.set(c.userId, c);
    else changedCoordinators.push(c.userId);
  }
  // A pinned coordinator the hub lists with conflicting keys is a change too.
  for (const id of conflicting)
    if (pins[id] && coordinatorIds.has(id)) changedCoordinators.push(id);

  let newPins: GroupPins = pins;
  const signer = input.commitmentSigner;
  if (Object.keys(pins).length === 0 && signer) {
    const asListed = listed.get(signer.userId);
    if (asListed && coordinatorIds.has(signer.userId) && sameBundle(asListed, signer)) {
      newPins = { [signer.userId]: pinOf(signer, false) };
      roots.set(signer.userId, asListed);
    }
  }

  // Coordinators certified by a root become roots, transitively.
  const changed = new Set(changedCoordinators);
  const coordinatorVerdicts = new Map<string, UntrustReason>();
  for (let progress = true; progress;) {
    progress = false;
    for (const c of coordinators) {
      if (roots.has(c.userId) || changed.has(c.userId)) continue;
      const verdict = judge(c, 'coordinator', wg, certificates, (id) => roots.get(id));
      if (verdict.ok) {
        roots.set(c.userId, c);
        coordinatorVerdicts.delete(c.userId);
        progress = true;
      } else coordinatorVerdicts.set(c.userId, verdict.reason);
    }
  }

  const orgAdmins = new Map<string, KeyBundle>();
  const personVerdicts = new Map<string, UntrustReason>();
  const others = [...listed.values()].filter((p) => !coordinatorIds.has(p.userId));
  for (const p of others) {
    const verdict = judge(p, 'org_admin', wg, certificates, (id) => roots.get(id));
    if (verdict.ok) orgAdmins.set(p.userId, p);
    else personVerdicts.set(p.userId, verdict.reason);
  }
  const members = new Map<string, KeyBundle>();
  for (const p of others) {
    if (orgAdmins.has(p.userId)) continue;
    const verdict = judge(p, 'member', null, certificates, (id) => {
      const admin = orgAdmins.get(id);
      return admin && admin.organisationId === p.organisationId ? admin : undefined;
    });
    if (verdict.ok) {
      members.set(p.userId, p);
      personVerdicts.delete(p.userId);
    } else {
      personVerdicts.set(p.userId, moreTelling(personVerdicts.get(p.userId), verdict.reason));
    }
  }

  if (changedCoordinators.length > 0) {
    // A coordinator key changed: nothing is sealed for this group until the
    // user re-verifies it — the change may be the hub's substitution.
    for (const b of listed.values()) untrusted.set(b.userId, 'coordinator_key_changed');
    for (const id of conflicting) untrusted.set(id, 'coordinator_key_changed');
    return { roots, trusted: new Map(), untrusted, changedCoordinators, newPins };
  }

  const trusted = new Map<string, KeyBundle>([...roots, ...orgAdmins, ...members]);
  for (const [id, reason] of [...coordinatorVerdicts, ...personVerdicts]) {
    if (!trusted.has(id)) untrusted.set(id, reason);
  }
  return { roots, trusted, untrusted, changedCoordinators, newPins };
}
