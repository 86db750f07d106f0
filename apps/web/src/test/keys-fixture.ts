import { evaluate, generateOprfKey } from '@parallax/fingerprint';
import { generateUserKeyPair, sealGroupKey, sealPrivateKey } from '@parallax/identity';
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import { ORG_ADMIN_VIEWER, type FakeViewer, type Handler } from './fake-server';

/** The encryption key fakeKeyDerivation derives from any password. */
const FAKE_ENCRYPTION_KEY = new Uint8Array(32).fill(2);

/**
 * A viewer with a real X25519 key pair, its private key sealed under the key
 * the fake derivation yields: typing any password into "Unlock keys" opens it.
 */
export function keyedViewer(
  actor: Partial<FakeViewer['actor']> = {},
  user: Partial<FakeViewer['user']> = {},
): { viewer: FakeViewer; privateKey: Uint8Array; publicKey: Uint8Array } {
  const { publicKey, privateKey } = generateUserKeyPair();
  const viewer = {
    ...ORG_ADMIN_VIEWER,
    user: { ...ORG_ADMIN_VIEWER.user, ...user },
    actor: { ...ORG_ADMIN_VIEWER.actor, ...actor },
    publicKey: bytesToBase64(publicKey),
    encryptedPrivateKey: bytesToBase64(sealPrivateKey(privateKey, FAKE_ENCRYPTION_KEY)),
  } as FakeViewer;
  return { viewer, privateKey: Uint8Array.from(privateKey), publicKey };
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

/** A GroupKeyStatus answer holding `groupKey` sealed for the viewer (epoch 1 by default). */
export async function sealedStatus(
  viewer: FakeViewer,
  groupKey: Uint8Array,
  {
    workingGroupId = 'group-1',
    epoch = 1,
    pendingRecipients = [] as Array<{ userId: string; displayName: string; publicKey: string }>,
    isCoordinator = false,
  } = {},
) {
  const sealed = await sealGroupKey(groupKey, base64ToBytes(viewer.publicKey), {
    workingGroupId,
    epoch,
    recipientUserId: viewer.user.id,
  });
  return {
    workingGroupId,
    epoch,
    mySealedKey: bytesToBase64(sealed),
    isCoordinator,
    pendingRecipients,
  };
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
