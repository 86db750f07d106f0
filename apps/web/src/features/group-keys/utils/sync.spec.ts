import { GroupKeyRefused, HubError, MemoryPinStore } from '@parallax/hub-client';
import { pinOf } from '@parallax/identity';
import { describe, expect, it } from 'vitest';
import { keyWorld, type WorldUser } from '../../../test/key-world';
import { GroupKeyStore } from '../hooks/store';
import { syncGroupKey } from './sync';
import { isGroupKeyRefused, refusalMessageId, waitingReasonId } from './waiting-reason';

const owner = (u: WorldUser) => ({
  userId: u.id,
  privateKey: u.privateKey,
  signingPrivateKey: u.signingPrivateKey,
});

function world() {
  const w = keyWorld('group-1');
  const coordinator = w.addUser({ id: 'c', organisationId: 'sec', isCoordinator: true });
  const admin = w.addUser({
    id: 'a',
    displayName: 'Amira',
    organisationId: 'org-a',
    role: 'org_admin',
  });
  const member = w.addUser({
    id: 'i',
    displayName: 'Lina',
    organisationId: 'org-a',
    role: 'investigator',
  });
  w.certify('org_admin', admin, coordinator);
  w.certify('member', member, admin);
  return { w, coordinator, admin, member };
}

describe('the group-key sync decisions', () => {
  it('seals only to members with a valid chain; the rest wait, each with who must act', async () => {
    const { w, coordinator, admin, member } = world();
    const planted = w.addUser({
      id: 'x',
      displayName: 'Amira',
      organisationId: 'org-a',
      role: 'org_admin',
    });
    const unverified = w.addUser({
      id: 'j',
      displayName: 'Jad',
      organisationId: 'org-a',
      role: 'investigator',
    });
    const old = w.addUser({
      id: 'o',
      displayName: 'Old',
      organisationId: 'org-a',
      role: 'investigator',
      withSigningKey: false,
    });
    await w.startEpoch(coordinator, [admin]);
    const store = new GroupKeyStore();
    await syncGroupKey(w.request(admin.id), store, 'group-1', owner(admin), new MemoryPinStore());

    const state = store.get('group-1');
    expect(state.status).toBe('ready');
    expect(w.grantOf(member.id)).not.toBeNull();
    for (const u of [planted, unverified, old]) expect(w.grantOf(u.id)).toBeNull();
    if (state.status !== 'ready') return;
    const reasons = Object.fromEntries(state.waiting.map((h) => [h.userId, waitingReasonId(h)]));
    expect(reasons).toEqual({
      x: 'groupKey.reason.adminUncertified',
      j: 'groupKey.reason.memberUncertified',
      o: 'groupKey.reason.noSigningKey',
    });
  });

  it('refuses a copy that contradicts the commitment, reports it, and keeps no key', async () => {
    const { w, coordinator, admin, member } = world();
    await w.startEpoch(coordinator, [admin]);
    await w.plantGrant(member, admin, new Uint8Array(32).fill(1));
    const store = new GroupKeyStore();
    await syncGroupKey(w.request(member.id), store, 'group-1', owner(member), new MemoryPinStore());
    expect(store.get('group-1')).toMatchObject({
      status: 'refused',
      reason: 'commitment_mismatch',
      reported: true,
    });
    expect(w.callsOf('RejectGroupKeyGrant')).toHaveLength(1);
  });

  it('blocks when the epoch’s signer is a pinned coordinator whose key changed', async () => {
    const { w, coordinator, admin } = world();
    await w.startEpoch(coordinator, [admin]);
    const pins = new MemoryPinStore();
    await pins.save('a', 'group-1', { c: pinOf(w.bundle(coordinator), true) });
    coordinator.listed.signingPublicKey = new Uint8Array(32).fill(3);
    const store = new GroupKeyStore();
    await syncGroupKey(w.request(admin.id), store, 'group-1', owner(admin), pins);
    expect(store.get('group-1')).toMatchObject({ status: 'blocked', epoch: 1 });
    expect(w.callsOf('FulfilGroupKeyGrants')).toHaveLength(0);
    expect(w.callsOf('RejectGroupKeyGrant')).toHaveLength(0);
  });

  it('keeps a key already open through a dropped connection', async () => {
    const { w, coordinator, admin } = world();
    await w.startEpoch(coordinator, [admin]);
    const store = new GroupKeyStore();
    const pins = new MemoryPinStore();
    await syncGroupKey(w.request(admin.id), store, 'group-1', owner(admin), pins);
    expect(store.get('group-1').status).toBe('ready');
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    await syncGroupKey(down, store, 'group-1', owner(admin), pins);
    expect(store.get('group-1').status).toBe('ready');
  });

  it('tells a refusal from other failures without loading the HPKE code', () => {
    const refusal = new GroupKeyRefused('no_signing_key', 'group-1', null);
    expect(isGroupKeyRefused(refusal)).toBe(true);
    expect(isGroupKeyRefused(new HubError('NETWORK', 'down'))).toBe(false);
    expect(isGroupKeyRefused(new Error('GroupKeyRefused'))).toBe(false);
    expect(refusalMessageId(refusal.reason)).toBe('groupKey.refused.noSigningKey');
    expect(refusalMessageId('commitment_mismatch')).toBe('groupKey.rejectedBody');
  });
});
