import { fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import {
  fulfilPendingGrants,
  HubError,
  hubEvaluator,
  MemoryPinStore,
  registerCases,
  startKeyEpoch,
  unlockGroupKey,
  type HubRequest,
  type KeyOwner,
} from '@parallax/hub-client';
import {
  deriveCredentials,
  openPrivateKey,
  openSigningKey,
  TEST_KDF_PARAMS,
} from '@parallax/identity';
import { DataSource } from 'typeorm';
import type { GqlClient } from './gql-client.js';
import type { TestApp } from './test-app.js';
import { PASSWORD, type Person } from './world.js';

/** The real client library, speaking to the test hub as this person. */
export function hubRequest(client: GqlClient): HubRequest {
  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const r = await client.request<T>(query, variables);
    const e = r.errors?.[0];
    if (e) throw new HubError(e.extensions?.code ?? 'INTERNAL', e.message);
    return r.data as T;
  };
}

/**
 * Each test person's device: coordinator pins, as a browser keeps them in
 * localStorage (keyed by viewer and group, so one store serves everyone).
 */
export const devicePins = new MemoryPinStore();

/** What the person's browser holds after unlocking: their X25519 and Ed25519 private keys. */
export async function keysOf(t: TestApp, p: Pick<Person, 'id'>): Promise<KeyOwner & { publicKey: Uint8Array }> {
  const [row] = await t.app
    .get(DataSource)
    .query(
      'SELECT kdf_salt, public_key, encrypted_private_key, encrypted_signing_key FROM app_user WHERE id = $1',
      [p.id],
    );
  const { encryptionKey } = await deriveCredentials(PASSWORD, row.kdf_salt, TEST_KDF_PARAMS);
  return {
    userId: p.id,
    publicKey: new Uint8Array(row.public_key),
    privateKey: openPrivateKey(row.encrypted_private_key, encryptionKey),
    signingPrivateKey: row.encrypted_signing_key
      ? openSigningKey(row.encrypted_signing_key, encryptionKey)
      : null,
  };
}

/** The coordinator's client starts a key epoch, sealed to every holder it has verified. */
export async function openEpoch(
  t: TestApp,
  coordinator: Person,
  workingGroupId: string,
): Promise<{ epoch: number; groupKey: Uint8Array; sealedFor: string[] }> {
  const req = hubRequest(coordinator.client);
  return startKeyEpoch(req, workingGroupId, await keysOf(t, coordinator), { pins: devicePins });
}

/** A holder's open client seals K_group for the pending holders it trusts; returns how many. */
export async function shareKey(
  t: TestApp,
  holder: Person,
  workingGroupId: string,
): Promise<number> {
  const req = hubRequest(holder.client);
  const me = await keysOf(t, holder);
  const unlocked = await unlockGroupKey(req, workingGroupId, me, { pins: devicePins });
  if (!unlocked) throw new Error('holder has no key');
  const result = await fulfilPendingGrants(req, workingGroupId, unlocked, me, {
    pins: devicePins,
  });
  return result.sealed;
}

let counter = 0;

/** Fingerprints persons through the hub's OPRF and registers one case each, as the real clients do. */
export async function registerPersons(
  t: TestApp,
  p: Person,
  workingGroupId: string,
  persons: FtmPerson[],
  reference = (i: number) => `REF-${++counter}-${i}`,
): Promise<string[]> {
  const req = hubRequest(p.client);
  const unlocked = await unlockGroupKey(req, workingGroupId, await keysOf(t, p), {
    pins: devicePins,
  });
  if (!unlocked) throw new Error(`${p.email} has no group key`);
  const records = await fingerprintPersons(persons, {
    groupKey: unlocked.groupKey,
    evaluator: hubEvaluator(req, workingGroupId, unlocked.epoch),
  });
  const regs = await registerCases(
    req,
    workingGroupId,
    unlocked.epoch,
    records.map((r, i) => ({
      idempotencyKey: `idem-${p.id.slice(0, 8)}-${r.id}-${counter}`,
      reference: reference(i),
      status: 'active',
      situationTags: ['syria'],
      crimeTags: ['torture'],
      fingerprints: r.fingerprints,
    })),
  );
  return regs.map((r) => r.caseId);
}

export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
