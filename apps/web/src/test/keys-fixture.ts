import { evaluate, generateOprfKey } from '@parallax/fingerprint';
import {
  generateSigningKeyPair,
  generateUserKeyPair,
  sealPrivateKey,
  sealSigningKey,
} from '@parallax/identity';
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import { ORG_ADMIN_VIEWER, type FakeViewer, type Handler } from './fake-server';
import { FAKE_ENCRYPTION_KEY, keyWorld } from './key-world';

export interface KeyedViewer {
  viewer: FakeViewer;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
  signingPublicKey: Uint8Array;
}

/**
 * A viewer with real X25519 and Ed25519 key pairs, both private keys sealed
 * under the key the fake derivation yields: typing any password into
 * "Unlock keys" opens them.
 */
export function keyedViewer(
  actor: Partial<FakeViewer['actor']> = {},
  user: Partial<FakeViewer['user']> = {},
): KeyedViewer {
  const { publicKey, privateKey } = generateUserKeyPair();
  const signing = generateSigningKeyPair();
  const viewer = {
    ...ORG_ADMIN_VIEWER,
    user: { ...ORG_ADMIN_VIEWER.user, ...user },
    actor: { ...ORG_ADMIN_VIEWER.actor, ...actor },
    publicKey: bytesToBase64(publicKey),
    encryptedPrivateKey: bytesToBase64(sealPrivateKey(privateKey, FAKE_ENCRYPTION_KEY)),
    signingPublicKey: bytesToBase64(signing.publicKey),
    encryptedSigningKey: bytesToBase64(sealSigningKey(signing.privateKey, FAKE_ENCRYPTION_KEY)),
  } as FakeViewer;
  return {
    viewer,
    privateKey: Uint8Array.from(privateKey),
    publicKey,
    signingPrivateKey: Uint8Array.from(signing.privateKey),
    signingPublicKey: signing.publicKey,
  };
}

/** What the "Unlock keys" prompt asks before deriving (the fake derivation ignores it). */
export const loginParametersHandler: Handler = () => ({
  data: {
    loginParameters: {
      __typename: 'KdfParameters',
      salt: bytesToBase64(new Uint8Array(16)),
      algorithm: 'argon2id',
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 1,
    },
  },
});

/**
 * Hub handlers under which `keyed`'s app finds `groupKey` ready for
 * 'group-1': a coordinator started epoch 1 with a signed commitment and
 * sealed a copy to the viewer (HPKE Auth mode), so the app opens it, checks
 * it against the commitment and pins the coordinator on first use.
 */
export async function readyGroupKeyHandlers(
  keyed: KeyedViewer,
  groupKey: Uint8Array,
): Promise<Record<string, Handler>> {
  const world = keyWorld('group-1');
  const coordinator = world.addUser({
    id: 'coordinator-1',
    displayName: 'Rana Coordinator',
    organisationId: 'secretariat',
    isCoordinator: true,
  });
  const me = world.addUser({
    id: keyed.viewer.user.id,
    displayName: keyed.viewer.user.displayName,
    organisationId: keyed.viewer.user.organisationId ?? 'org-1',
    role: (keyed.viewer.user.role as 'org_admin' | 'investigator' | null) ?? 'investigator',
    keys: keyed,
  });
  await world.startEpoch(coordinator, [me], groupKey);
  return world.handlers(me.id);
}

/** The hub's side of the OPRF, with a key of its own, as a fake-server handler. */
export function oprfHandler(oprfKey = generateOprfKey()): Handler {
  return async (variables) => {
    const blinded = (variables['blinded'] as string[]).map(base64ToBytes);
    const evaluated = await evaluate(oprfKey, blinded);
    return {
      data: {
        evaluateOprf: {
          evaluatedElements: evaluated.map(bytesToBase64),
          usedToday: blinded.length,
          allowedToday: 5000,
        },
      },
    };
  };
}
