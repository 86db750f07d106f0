import { describe, expect, it } from 'vitest';
import { generateGroupKey } from '@parallax/fingerprint';
import { MemoryPinStore, type HubRequest } from '@parallax/hub-client';
import {
  generateSigningKeyPair,
  generateUserKeyPair,
  makeEpochCommitment,
  sealGroupKey,
} from '@parallax/identity';
import { openGroupKeyVerified } from '../src/commands/group-key-access.js';
import { CliError, ExitCode } from '../src/io/cli-error.js';

const WG = 'wg-1';
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/**
 * A hub with one epoch whose commitment is the coordinator's for K_group,
 * and a copy for the investigator sealed by `sealer` with `sealedKey`.
 */
async function hubWith(which: 'right' | 'wrong') {
  const coordinator = { id: 'c-1', enc: generateUserKeyPair(), sig: generateSigningKeyPair() };
  const member = { id: 'm-1', enc: generateUserKeyPair(), sig: generateSigningKeyPair() };
  const me = { id: 'i-1', enc: generateUserKeyPair(), sig: generateSigningKeyPair() };
  const groupKey = generateGroupKey();
  const commitment = makeEpochCommitment(
    groupKey,
    {
      workingGroupId: WG,
      epoch: 1,
      coordinatorUserId: coordinator.id,
      coordinatorSigningPublicKey: coordinator.sig.publicKey,
    },
    coordinator.sig.privateKey,
  );
  // A front-running member seals K' instead of K_group.
  const sealed = await sealGroupKey(
    which === 'right' ? groupKey : generateGroupKey(),
    me.enc.publicKey,
    { workingGroupId: WG, epoch: 1, recipientUserId: me.id, senderUserId: member.id },
    member.enc.privateKey,
  );
  const rejected: unknown[] = [];
  const holder = (u: typeof me, org: string, isCoordinator: boolean) => ({
    userId: u.id,
    displayName: u.id,
    organisationId: org,
    organisationName: org,
    role: isCoordinator ? null : 'investigator',
    isCoordinator,
    encryptionPublicKey: b64(u.enc.publicKey),
    signingPublicKey: b64(u.sig.publicKey),
  });
  const request: HubRequest = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> => {
    if (query.includes('groupKeyStatus'))
      return {
        groupKeyStatus: {
          workingGroupId: WG,
          epoch: 1,
          mySealedKey: b64(sealed),
          mySealedKeySenderId: member.id,
          isCoordinator: false,
          epochCommitment: {
            tag: b64(commitment.tag),
            signature: b64(commitment.signature),
            coordinatorUserId: coordinator.id,
          },
          pendingRecipients: [],
        },
      } as T;
    if (query.includes('keyDirectory'))
      return {
        keyDirectory: {
          holders: [
            holder(coordinator, 'sec', true),
            holder(member, 'org-a', false),
            holder(me, 'org-a', false),
          ],
          certificates: [],
        },
      } as T;
    if (query.includes('rejectGroupKeyGrant')) {
      rejected.push(variables);
      return { rejectGroupKeyGrant: true } as T;
    }
    throw new Error(`unexpected ${query}`);
  };
  return {
    request,
    me: { userId: me.id, privateKey: me.enc.privateKey, signingPrivateKey: me.sig.privateKey },
    rejected,
    groupKey,
  };
}

describe('the CLI opens a group key only when the commitment verifies', () => {
  it('refuses a K_group whose commitment does not verify, says why, and reports the copy', async () => {
    const { request, me, rejected } = await hubWith('wrong');
    const pins = new MemoryPinStore();
    const error = await openGroupKeyVerified(request, { id: WG, name: 'Syria' }, me, pins).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.Access);
    expect((error as CliError).message).toMatch(
      /key of "Syria" was refused \(commitment_mismatch\).*does not match the coordinator's signed commitment.*coordinators were alerted/su,
    );
    expect(rejected).toEqual([{ wg: WG, epoch: 1 }]);
    expect(await pins.load('i-1', WG)).toEqual({});
  });

  it("opens the coordinator's K_group and pins the coordinator on first use", async () => {
    const { request, me, groupKey } = await hubWith('right');
    const pins = new MemoryPinStore();
    const unlocked = await openGroupKeyVerified(request, { id: WG, name: 'Syria' }, me, pins);
    expect(b64(unlocked.groupKey)).toBe(b64(groupKey));
    expect(Object.keys(await pins.load('i-1', WG))).toEqual(['c-1']);
  });
});
