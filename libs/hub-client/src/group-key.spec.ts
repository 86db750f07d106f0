import { describe, expect, it } from 'vitest';
import { randomBytes } from '@noble/hashes/utils.js';
import { FINGERPRINT_SCHEMA_VERSION, generateGroupKey } from '@parallax/fingerprint';
import {
  generateSigningKeyPair,
  generateUserKeyPair,
  pinOf,
  sealGroupKey,
  verifyEpochCommitment,
} from '@parallax/identity';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from './base64.js';
import {
  acceptCoordinatorKey,
  certifyCoordinator,
  certifyMember,
  certifyOrgAdmin,
  CertifyError,
  safetyNumberWith,
} from './certify.js';
import {
  fulfilPendingGrants,
  GroupKeyRefused,
  startKeyEpoch,
  unlockGroupKey,
} from './group-key.js';
import { syncGroupKeyTrusted } from './group-key-sync.js';
import { fetchKeyDirectory, keyBundleOf } from './key-directory.js';
import { MemoryPinStore, parseGroupPins, StoragePinStore } from './pins.js';
import { fakeKeyHub, type FakeKeyHub, type FakeUser } from './test/fake-key-hub.js';

const WG = 'wg-1';

async function entry(hub: FakeKeyHub, viewer: FakeUser, subjectId: string) {
  const found = (await fetchKeyDirectory(hub.as(viewer.id), WG)).holders.find(
    (h) => h.userId === subjectId,
  );
  if (!found) throw new Error(`no ${subjectId}`);
  return found;
}

/** A coordinator (secretariat), an org admin and an investigator of org-a, each with its own device pins. */
function world() {
  const hub = fakeKeyHub(WG);
  const C = hub.addUser({ id: 'coordinator', organisationId: 'secretariat', isCoordinator: true });
  const A = hub.addUser({
    id: 'admin-a',
    displayName: 'Amira Haddad',
    organisationId: 'org-a',
    role: 'org_admin',
  });
  const I = hub.addUser({
    id: 'inv-a',
    displayName: 'Ivan',
    organisationId: 'org-a',
    role: 'investigator',
  });
  const pins = new Map<string, MemoryPinStore>();
  const pinsOf = (u: FakeUser) => {
    let p = pins.get(u.id);
    if (!p) pins.set(u.id, (p = new MemoryPinStore()));
    return p;
  };
  const open = (u: FakeUser) => unlockGroupKey(hub.as(u.id), WG, u.owner, { pins: pinsOf(u) });
  const fulfil = async (u: FakeUser) => {
    const k = await open(u);
    if (!k) throw new Error(`${u.id} holds no key`);
    return fulfilPendingGrants(hub.as(u.id), WG, k, u.owner, { pins: pinsOf(u) });
  };
  return { hub, C, A, I, pinsOf, open, fulfil };
}

/** The chain in place: epoch 1 started, A certified by C, I certified by A, and both holding K_group. */
async function certifiedWorld() {
  const w = world();
  const started = await startKeyEpoch(w.hub.as(w.C.id), WG, w.C.owner, { pins: w.pinsOf(w.C) });
  await certifyOrgAdmin(w.hub.as(w.C.id), {
    workingGroupId: WG,
    subject: await entry(w.hub, w.C, w.A.id),
    me: w.C.owner,
  });
  await certifyMember(w.hub.as(w.A.id), {
    subject: await entry(w.hub, w.A, w.I.id),
    me: w.A.owner,
  });
  const sealed = await w.fulfil(w.C);
  // Both open their copies: their devices pin the coordinator on first use.
  await w.open(w.A);
  await w.open(w.I);
  return { ...w, started, sealed };
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && toBase64(a) === toBase64(b);

describe('key epochs with verified keys', () => {
  it('starts an epoch sealed only to trusted holders, then seals to newcomers once certified', async () => {
    const w = world();
    const started = await startKeyEpoch(w.hub.as(w.C.id), WG, w.C.owner, { pins: w.pinsOf(w.C) });
    expect(started.epoch).toBe(1);
    expect(started.sealedFor).toEqual(['coordinator']);
    expect(started.untrusted).toEqual([
      { userId: 'admin-a', displayName: 'Amira Haddad', reason: 'uncertified' },
      { userId: 'inv-a', displayName: 'Ivan', reason: 'uncertified' },
    ]);
    // The coordinator pinned its own real keys, verified.
    expect(await w.pinsOf(w.C).load('coordinator', WG)).toEqual({
      coordinator: pinOf(must(keyBundleOf(await entry(w.hub, w.C, 'coordinator'))), true),
    });
    expect(w.hub.current()?.commitment.coordinatorUserId).toBe('coordinator');

    await certifyOrgAdmin(w.hub.as(w.C.id), {
      workingGroupId: WG,
      subject: await entry(w.hub, w.C, w.A.id),
      me: w.C.owner,
    });
    const first = await w.fulfil(w.C);
    expect(first.sealed).toBe(1);
    expect(first.untrusted).toEqual([
      { userId: 'inv-a', displayName: 'Ivan', reason: 'uncertified' },
    ]);

    // The admin opens its copy: Auth mode, commitment verified, coordinator pinned on first use.
    const a = await w.open(w.A);
    expect(same(a?.groupKey, started.groupKey)).toBe(true);
    expect(Object.keys(await w.pinsOf(w.A).load('admin-a', WG))).toEqual(['coordinator']);

    await certifyMember(w.hub.as(w.A.id), {
      subject: await entry(w.hub, w.A, w.I.id),
      me: w.A.owner,
    });
    const second = await w.fulfil(w.A);
    expect(second).toEqual({ sealed: 1, untrusted: [], changedCoordinators: [] });
    expect(same((await w.open(w.I))?.groupKey, started.groupKey)).toBe(true);
    expect(w.hub.current()?.grants.get('inv-a')?.senderId).toBe('admin-a');
  });

  it('rotation seals the new key to every trusted holder at once, and never to others', async () => {
    const w = await certifiedWorld();
    const U = w.hub.addUser({ id: 'inv-a2', organisationId: 'org-a', role: 'investigator' });
    const rotated = await startKeyEpoch(w.hub.as(w.C.id), WG, w.C.owner, { pins: w.pinsOf(w.C) });
    expect(rotated.epoch).toBe(2);
    expect(rotated.sealedFor.sort()).toEqual(['admin-a', 'coordinator', 'inv-a']);
    expect(rotated.untrusted).toEqual([{ userId: U.id, displayName: U.id, reason: 'uncertified' }]);
    expect(same((await w.open(w.I))?.groupKey, rotated.groupKey)).toBe(true);
  });

  it("a hub-created account in a member organisation, even with the real admin's display name, is not trusted", async () => {
    const w = await certifiedWorld();
    // The platform (or whoever runs the database) adds an account to org-a,
    // named like the real admin, with the admin role.
    const H = w.hub.addUser({
      id: 'hub-made',
      displayName: 'Amira Haddad',
      organisationId: 'org-a',
      role: 'org_admin',
    });
    for (const holder of [w.C, w.A, w.I]) {
      const result = await w.fulfil(holder);
      expect(result.sealed).toBe(0);
      expect(result.untrusted).toEqual([
        { userId: 'hub-made', displayName: 'Amira Haddad', reason: 'uncertified' },
      ]);
    }
    // It also forges certificates: one "from" the real admin, one from the coordinator.
    const subject = must(keyBundleOf(await entry(w.hub, w.A, H.id)));
    const { certificateBodyFor, signCertificate } = await import('@parallax/identity');
    for (const [kind, issuer, wg] of [
      ['member', 'admin-a', null],
      ['org_admin', 'coordinator', WG],
    ] as const) {
      const forged = signCertificate(
        certificateBodyFor(kind, subject, issuer, wg),
        must(H.owner.signingPrivateKey),
      );
      w.hub.certificates.push({
        id: `forged-${kind}`,
        kind,
        workingGroupId: wg,
        subjectUserId: H.id,
        issuerUserId: issuer,
        body: toBase64(forged.body),
        signature: toBase64(forged.signature),
        createdAt: new Date().toISOString(),
      });
    }
    const sync = await syncGroupKeyTrusted(w.hub.as(w.I.id), {
      workingGroupId: WG,
      me: w.I.owner,
      pins: w.pinsOf(w.I),
    });
    expect(sync.state).toBe('ready');
    if (sync.state === 'ready') {
      expect(sync.sealed).toBe(0);
      expect(sync.untrusted).toEqual([
        { userId: 'hub-made', displayName: 'Amira Haddad', reason: 'issuer_untrusted' },
      ]);
    }
    expect(w.hub.current()?.grants.has('hub-made')).toBe(false);
    // Nor is the hub-made account a co-signer of anything: nobody sealed to it across all rounds.
    expect([...w.hub.epochs].every((e) => !e.grants.has('hub-made'))).toBe(true);
  });

  it('a hub-made coordinator cannot sign a commitment to the real K_group', async () => {
    const w = await certifiedWorld();
    const F = w.hub.addUser({
      id: 'hub-coordinator',
      organisationId: 'secretariat',
      isCoordinator: true,
    });
    const epoch = must(w.hub.current());
    // It does not know K_group, so it signs a guessed tag in the real coordinator's place.
    const tag = randomBytes(32);
    const signature = ed25519.sign(
      new TextEncoder().encode(`parallax/v1/epoch\n${WG}\n1\n${toBase64(tag)}`),
      must(F.owner.signingPrivateKey),
    );
    epoch.commitment = {
      tag: toBase64(tag),
      signature: toBase64(signature),
      coordinatorUserId: F.id,
    };
    // A member that pinned the real coordinator: the tag does not match the key it holds.
    await expect(w.open(w.I)).rejects.toMatchObject({ reason: 'commitment_mismatch' });
    // A newcomer with no pin would trust the signer on first use, but the tag does not match the key.
    const fresh = new MemoryPinStore();
    await expect(
      unlockGroupKey(w.hub.as(w.A.id), WG, w.A.owner, { pins: fresh }),
    ).rejects.toMatchObject({ reason: 'commitment_mismatch', reported: true });
    expect(await fresh.load('admin-a', WG)).toEqual({});
    expect(w.hub.rejected).toEqual([
      { userId: 'inv-a', epoch: 1 },
      { userId: 'admin-a', epoch: 1 },
    ]);

    // Starting its own epoch with its own key K' does not help either: members that pinned the real coordinator refuse it.
    const w2 = await certifiedWorld();
    const F2 = w2.hub.addUser({
      id: 'hub-coordinator',
      organisationId: 'secretariat',
      isCoordinator: true,
    });
    const { groupKey: Kp } = await startKeyEpoch(w2.hub.as(F2.id), WG, F2.owner, {
      pins: new MemoryPinStore(),
    });
    // (its own client seals only to itself: nobody is certified in its view)
    expect([...must(w2.hub.current()).grants.keys()]).toEqual(['hub-coordinator']);
    const sealedForI = await sealGroupKey(
      Kp,
      w2.I.listedEncryptionKey,
      { workingGroupId: WG, epoch: 2, recipientUserId: w2.I.id, senderUserId: F2.id },
      F2.owner.privateKey,
    );
    must(w2.hub.current()).grants.set(w2.I.id, {
      sealedKey: toBase64(sealedForI),
      senderId: F2.id,
    });
    await expect(w2.open(w2.I)).rejects.toMatchObject({
      reason: 'signer_untrusted',
      reported: false,
    });
  });

  it("a grant with a wrong K' (front-running member) is refused", async () => {
    const w = await certifiedWorld();
    const N = w.hub.addUser({ id: 'inv-new', organisationId: 'org-a', role: 'investigator' });
    await certifyMember(w.hub.as(w.A.id), {
      subject: await entry(w.hub, w.A, N.id),
      me: w.A.owner,
    });
    // The investigator holds the real key but front-runs the newcomer with K'.
    const wrong = generateGroupKey();
    const sealed = await sealGroupKey(
      wrong,
      N.listedEncryptionKey,
      { workingGroupId: WG, epoch: 1, recipientUserId: N.id, senderUserId: w.I.id },
      w.I.owner.privateKey,
    );
    must(w.hub.current()).grants.set(N.id, { sealedKey: toBase64(sealed), senderId: w.I.id });

    const refused = await w.open(N).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GroupKeyRefused);
    expect(refused).toMatchObject({ reason: 'commitment_mismatch', reported: true, epoch: 1 });
    expect(w.hub.rejected).toEqual([{ userId: 'inv-new', epoch: 1 }]);
    expect(must(w.hub.current()).grants.has(N.id)).toBe(false);
    // The web's sync reports it as an outcome.
    must(w.hub.current()).grants.set(N.id, { sealedKey: toBase64(sealed), senderId: w.I.id });
    const outcome = await syncGroupKeyTrusted(w.hub.as(N.id), {
      workingGroupId: WG,
      me: N.owner,
      pins: w.pinsOf(N),
    });
    expect(outcome).toMatchObject({
      state: 'refused',
      epoch: 1,
      refusal: { reason: 'commitment_mismatch' },
    });

    // An honest holder re-seals the real key; the newcomer accepts that one.
    expect((await w.fulfil(w.A)).sealed).toBe(1);
    expect(same((await w.open(N))?.groupKey, w.started.groupKey)).toBe(true);
  });

  it('a changed coordinator key blocks sealing until re-verified', async () => {
    const w = await certifiedWorld();
    const N = w.hub.addUser({ id: 'inv-new', organisationId: 'org-a', role: 'investigator' });
    await certifyMember(w.hub.as(w.A.id), {
      subject: await entry(w.hub, w.A, N.id),
      me: w.A.owner,
    });
    // The coordinator's keys change (the hub substitutes them, or a password reset).
    const enc = generateUserKeyPair();
    const sig = generateSigningKeyPair();
    w.C.listedEncryptionKey = enc.publicKey;
    w.C.listedSigningKey = sig.publicKey;

    // The admin already holds the key: its fulfil seals nothing, for anyone.
    const k = { epoch: 1, groupKey: w.started.groupKey };
    const blocked = await fulfilPendingGrants(w.hub.as(w.A.id), WG, k, w.A.owner, {
      pins: w.pinsOf(w.A),
    });
    expect(blocked.sealed).toBe(0);
    expect(blocked.changedCoordinators).toEqual(['coordinator']);
    expect(blocked.untrusted).toEqual([
      { userId: 'inv-new', displayName: 'inv-new', reason: 'coordinator_key_changed' },
    ]);
    // And it does not accept the key from that coordinator either, without reporting the copy.
    await expect(w.open(w.A)).rejects.toMatchObject({
      reason: 'coordinator_key_changed',
      reported: false,
    });
    expect(w.hub.rejected).toEqual([]);

    // The real coordinator changed keys (password reset): it re-certifies the admin with its new key …
    w.C.owner = {
      userId: 'coordinator',
      privateKey: enc.privateKey,
      signingPrivateKey: sig.privateKey,
    };
    await certifyOrgAdmin(w.hub.as(w.C.id), {
      workingGroupId: WG,
      subject: await entry(w.hub, w.C, w.A.id),
      me: w.C.owner,
    });
    // … still blocked until the admin compares the safety number and accepts the new key.
    expect(
      (await fulfilPendingGrants(w.hub.as(w.A.id), WG, k, w.A.owner, { pins: w.pinsOf(w.A) }))
        .sealed,
    ).toBe(0);
    const coordinatorEntry = await entry(w.hub, w.A, 'coordinator');
    const adminSide = safetyNumberWith(w.A.owner, 'org-a', coordinatorEntry);
    const coordinatorSide = safetyNumberWith(
      w.C.owner,
      'secretariat',
      await entry(w.hub, w.C, 'admin-a'),
    );
    expect(adminSide?.digits).toBe(coordinatorSide?.digits);
    await acceptCoordinatorKey(w.pinsOf(w.A), 'admin-a', WG, coordinatorEntry);
    const resumed = await fulfilPendingGrants(w.hub.as(w.A.id), WG, k, w.A.owner, {
      pins: w.pinsOf(w.A),
    });
    expect(resumed).toEqual({ sealed: 1, untrusted: [], changedCoordinators: [] });
  });

  it('treats a pinned coordinator listed without a signing key as a changed key', async () => {
    const w = await certifiedWorld();
    w.hub.addUser({ id: 'inv-new', organisationId: 'org-a', role: 'investigator' });
    w.C.listedSigningKey = null;
    const k = { epoch: 1, groupKey: w.started.groupKey };
    const result = await fulfilPendingGrants(w.hub.as(w.A.id), WG, k, w.A.owner, {
      pins: w.pinsOf(w.A),
    });
    expect(result).toMatchObject({ sealed: 0, changedCoordinators: ['coordinator'] });
    expect(result.untrusted[0]?.reason).toBe('coordinator_key_changed');
  });

  it('refuses a copy the hub sealed itself and attributes to a member', async () => {
    const w = await certifiedWorld();
    const hubKeys = generateUserKeyPair();
    const sealed = await sealGroupKey(
      generateGroupKey(),
      w.I.listedEncryptionKey,
      { workingGroupId: WG, epoch: 1, recipientUserId: w.I.id, senderUserId: w.A.id },
      hubKeys.privateKey,
    );
    must(w.hub.current()).grants.set(w.I.id, { sealedKey: toBase64(sealed), senderId: w.A.id });
    await expect(w.open(w.I)).rejects.toMatchObject({ reason: 'grant_unopenable', reported: true });
    must(w.hub.current()).grants.set(w.I.id, { sealedKey: toBase64(sealed), senderId: 'nobody' });
    await expect(w.open(w.I)).rejects.toMatchObject({ reason: 'sender_unknown' });
  });

  it('refuses an epoch without a commitment, and a coordinator the hub lists with keys not its own', async () => {
    const w = await certifiedWorld();
    const epoch = must(w.hub.current());
    const saved = epoch.commitment;
    epoch.commitment = null as unknown as typeof saved;
    await expect(w.open(w.I)).rejects.toMatchObject({ reason: 'commitment_missing' });
    epoch.commitment = saved;

    const w2 = world();
    w2.C.listedSigningKey = generateSigningKeyPair().publicKey;
    await expect(
      startKeyEpoch(w2.hub.as(w2.C.id), WG, w2.C.owner, { pins: w2.pinsOf(w2.C) }),
    ).rejects.toMatchObject({ reason: 'own_keys_mismatch' });
    expect(w2.hub.epochs).toHaveLength(0);
  });

  it('lets an uncertified co-coordinator neither rotate nor be sealed to, until certified', async () => {
    const w = await certifiedWorld();
    const D = w.hub.addUser({
      id: 'coordinator-2',
      organisationId: 'secretariat',
      isCoordinator: true,
    });
    const dPins = new MemoryPinStore();
    expect((await w.fulfil(w.C)).untrusted).toEqual([
      { userId: D.id, displayName: D.id, reason: 'uncertified' },
    ]);
    await certifyCoordinator(w.hub.as(w.C.id), {
      workingGroupId: WG,
      subject: await entry(w.hub, w.C, D.id),
      me: w.C.owner,
    });
    expect((await w.fulfil(w.C)).sealed).toBe(1);
    const opened = await unlockGroupKey(w.hub.as(D.id), WG, D.owner, { pins: dPins });
    expect(opened?.trust.roots.has(D.id)).toBe(true);
    const rotated = await startKeyEpoch(w.hub.as(D.id), WG, D.owner, { pins: dPins });
    expect(rotated.sealedFor.sort()).toEqual(['admin-a', 'coordinator', 'coordinator-2', 'inv-a']);
    // Members accept the co-coordinator's epoch through the certificate.
    expect(same((await w.open(w.I))?.groupKey, rotated.groupKey)).toBe(true);
    const v = must(w.hub.current()).commitment;
    expect(
      verifyEpochCommitment(
        rotated.groupKey,
        { workingGroupId: WG, epoch: 2, coordinatorUserId: D.id },
        { tag: fromBase64(v.tag), signature: fromBase64(v.signature) },
        must(D.listedSigningKey),
      ),
    ).toBe(true);

    // Uncertified, it cannot start an epoch from a device that pinned someone else.
    const E = w.hub.addUser({
      id: 'coordinator-3',
      organisationId: 'secretariat',
      isCoordinator: true,
    });
    const ePins = new MemoryPinStore();
    await ePins.save(E.id, WG, {
      coordinator: pinOf(must(keyBundleOf(await entry(w.hub, E, 'coordinator'))), true),
    });
    await expect(startKeyEpoch(w.hub.as(E.id), WG, E.owner, { pins: ePins })).rejects.toMatchObject(
      { reason: 'signer_untrusted' },
    );
  });

  it('reports the sync outcomes the web shows', async () => {
    const w = world();
    const sync = (u: FakeUser) =>
      syncGroupKeyTrusted(w.hub.as(u.id), { workingGroupId: WG, me: u.owner, pins: w.pinsOf(u) });
    expect(await sync(w.A)).toEqual({ state: 'no-epoch', isCoordinator: false });
    const started = await startKeyEpoch(w.hub.as(w.C.id), WG, w.C.owner, { pins: w.pinsOf(w.C) });
    expect(await sync(w.A)).toEqual({
      state: 'pending',
      epoch: 1,
      isCoordinator: false,
      schemaVersion: FINGERPRINT_SCHEMA_VERSION,
    });
    await certifyOrgAdmin(w.hub.as(w.C.id), {
      workingGroupId: WG,
      subject: await entry(w.hub, w.C, w.A.id),
      me: w.C.owner,
    });
    const c = await sync(w.C);
    expect(c).toMatchObject({
      state: 'ready',
      epoch: 1,
      schemaVersion: FINGERPRINT_SCHEMA_VERSION,
      isCoordinator: true,
      sealed: 1,
      untrusted: [{ userId: 'inv-a', reason: 'uncertified' }],
    });
    const a = await syncGroupKeyTrusted(w.hub.as(w.A.id), {
      workingGroupId: WG,
      me: w.A.owner,
      pins: w.pinsOf(w.A),
      known: null,
    });
    expect(a.state === 'ready' && same(a.groupKey, started.groupKey)).toBe(true);
    // With the key known, it is re-checked against the commitment, not re-opened.
    const known = { epoch: 1, groupKey: started.groupKey };
    const again = await syncGroupKeyTrusted(w.hub.as(w.A.id), {
      workingGroupId: WG,
      me: w.A.owner,
      pins: w.pinsOf(w.A),
      known,
    });
    expect(again.state === 'ready' && again.groupKey).toBe(started.groupKey);
    const wrongKnown = await syncGroupKeyTrusted(w.hub.as(w.A.id), {
      workingGroupId: WG,
      me: w.A.owner,
      pins: w.pinsOf(w.A),
      known: { epoch: 1, groupKey: generateGroupKey() },
    });
    expect(wrongKnown).toMatchObject({
      state: 'refused',
      refusal: { reason: 'commitment_mismatch' },
    });
  });
});

describe('certifying', () => {
  it('refuses to certify oneself, or a user without a signing key', async () => {
    const w = world();
    const old = w.hub.addUser({
      id: 'old-account',
      organisationId: 'org-a',
      role: 'investigator',
      withSigningKey: false,
    });
    await expect(
      certifyMember(w.hub.as(w.A.id), { subject: await entry(w.hub, w.A, w.A.id), me: w.A.owner }),
    ).rejects.toBeInstanceOf(CertifyError);
    await expect(
      certifyMember(w.hub.as(w.A.id), { subject: await entry(w.hub, w.A, old.id), me: w.A.owner }),
    ).rejects.toThrow(/no signing key/);
    await expect(
      certifyMember(w.hub.as(old.id), { subject: await entry(w.hub, old, w.I.id), me: old.owner }),
    ).rejects.toThrow(/no signing key/);
    expect(w.hub.certificates).toHaveLength(0);
  });

  it('signs a body about exactly the directory entry compared', async () => {
    const w = world();
    const subject = await entry(w.hub, w.C, w.A.id);
    const issued = await certifyOrgAdmin(w.hub.as(w.C.id), {
      workingGroupId: WG,
      subject,
      me: w.C.owner,
    });
    expect(issued).toMatchObject({
      kind: 'org_admin',
      workingGroupId: WG,
      subjectUserId: 'admin-a',
    });
    const { verifyCertificate } = await import('@parallax/identity');
    const stored = must(w.hub.certificates[0]);
    const body = verifyCertificate(
      { body: fromBase64(stored.body), signature: fromBase64(stored.signature) },
      must(w.C.listedSigningKey),
    );
    expect(body).toMatchObject({
      kind: 'org_admin',
      subjectUserId: 'admin-a',
      organisationId: 'org-a',
      issuerUserId: 'coordinator',
      encryptionPublicKey: subject.encryptionPublicKey,
      signingPublicKey: subject.signingPublicKey,
    });
  });
});

describe('pins as stored', () => {
  it('keeps well-formed pins and drops anything else', () => {
    const good = {
      signingPublicKey: toBase64(new Uint8Array(32).fill(1)),
      encryptionPublicKey: toBase64(new Uint8Array(32).fill(2)),
      verified: true,
    };
    expect(
      parseGroupPins({
        c1: good,
        c2: { ...good, verified: 'yes' },
        c3: { ...good, signingPublicKey: 'AAAA' },
        '': good,
      }),
    ).toEqual({ c1: good });
    expect(parseGroupPins(null)).toEqual({});
    expect(parseGroupPins([good])).toEqual({});
  });

  it('keeps pins in web storage per viewer and group', async () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const store = new StoragePinStore(storage);
    const good = {
      signingPublicKey: toBase64(new Uint8Array(32).fill(1)),
      encryptionPublicKey: toBase64(new Uint8Array(32).fill(2)),
      verified: false,
    };
    await store.save('u/1', 'wg-1', { c1: good });
    expect(await store.load('u/1', 'wg-1')).toEqual({ c1: good });
    expect(await store.load('u/1', 'wg-2')).toEqual({});
    expect([...map.keys()]).toEqual(['parallax/pins/u%2F1/wg-1']);
    map.set('parallax/pins/u%2F1/wg-1', '{oops');
    expect(await store.load('u/1', 'wg-1')).toEqual({});
  });
});
