import { fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import {
  fulfilPendingGrants,
  groupKeyStatus,
  HubError,
  hubEvaluator,
  registerCases,
  startKeyEpoch,
  unlockGroupKey,
  type HubRequest,
} from '@parallax/hub-client';
import { deriveCredentials, openPrivateKey, TEST_KDF_PARAMS } from '@parallax/identity';
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

/** What the person's browser holds after unlocking: their X25519 key pair. */
export async function keysOf(
  t: TestApp,
  p: Person,
): Promise<{ userId: string; publicKey: Uint8Array; privateKey: Uint8Array }> {
  const [row] = await t.app
    .get(DataSource)
    .query('SELECT kdf_salt, public_key, encrypted_private_key FROM app_user WHERE id = $1', [
      p.id,
    ]);
  const { encryptionKey } = await deriveCredentials(PASSWORD, row.kdf_salt, TEST_KDF_PARAMS);
  return {
    userId: p.id,
    publicKey: new Uint8Array(row.public_key),
    privateKey: openPrivateKey(row.encrypted_private_key, encryptionKey),
  };
}

export async function openEpoch(
  t: TestApp,
  coordinator: Person,
  workingGroupId: string,
): Promise<{ epoch: number; groupKey: Uint8Array }> {
  const req = hubRequest(coordinator.client);
  const status = await groupKeyStatus(req, workingGroupId);
  return startKeyEpoch(req, workingGroupId, await keysOf(t, coordinator), status.pendingRecipients);
}

export async function shareKey(
  t: TestApp,
  holder: Person,
  workingGroupId: string,
): Promise<number> {
  const req = hubRequest(holder.client);
  const unlocked = await unlockGroupKey(req, workingGroupId, await keysOf(t, holder));
  if (!unlocked) throw new Error('holder has no key');
  return fulfilPendingGrants(
    req,
    workingGroupId,
    unlocked.epoch,
    unlocked.groupKey,
    unlocked.status.pendingRecipients,
  );
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
  const unlocked = await unlockGroupKey(req, workingGroupId, await keysOf(t, p));
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
