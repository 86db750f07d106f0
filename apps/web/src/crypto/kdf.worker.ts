import {
  DEFAULT_KDF_PARAMS,
  deriveCredentials,
  generateSigningKeyPair,
  generateUserKeyPair,
  newKdfSalt,
  sealPrivateKey,
  sealSigningKey,
} from '@parallax/identity';
import type { KdfRequest, KdfResponse } from './kdf-protocol';

/**
 * argon2id with 64 MiB runs here, off the main thread, so the page keeps
 * responding (and its progress indicator keeps moving) meanwhile.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
  postMessage(message: KdfResponse): void;
}
const scope = self as unknown as WorkerScope;

async function handle(request: KdfRequest): Promise<KdfResponse> {
  if (request.kind === 'derive') {
    const keys = await deriveCredentials(request.password, request.salt, request.params);
    return { ok: true, kind: 'derive', keys };
  }
  // createAccountMaterial from @parallax/identity, step by step, because it
  // wipes the encryption and private keys that the client must keep in memory
  // (the new account's keys are unlocked at once, signing key included).
  const kdfSalt = newKdfSalt();
  const kdfParams = DEFAULT_KDF_PARAMS;
  const { loginKey, encryptionKey } = await deriveCredentials(request.password, kdfSalt, kdfParams);
  const { publicKey, privateKey } = generateUserKeyPair();
  const encryptedPrivateKey = sealPrivateKey(privateKey, encryptionKey);
  const signing = generateSigningKeyPair();
  const encryptedSigningKey = sealSigningKey(signing.privateKey, encryptionKey);
  return {
    ok: true,
    kind: 'create-account',
    keys: {
      kdfSalt,
      kdfParams,
      loginKey,
      encryptionKey,
      publicKey,
      privateKey,
      encryptedPrivateKey,
      signingPublicKey: signing.publicKey,
      signingPrivateKey: signing.privateKey,
      encryptedSigningKey,
    },
  };
}

scope.onmessage = (event) => {
  handle(event.data).then(
    (response) => scope.postMessage(response),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : 'failed' }),
  );
};
