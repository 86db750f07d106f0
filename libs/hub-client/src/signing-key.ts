import { createSigningKeyMaterial } from '@parallax/identity';
import { toBase64 } from './base64.js';
import { SetSigningKeyDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/**
 * Gives an account made before signing keys existed its Ed25519 key: made
 * here, sealed under the password-derived key, registered with
 * `setSigningKey` (the hub takes it only while the account has none).
 * Returns the private key.
 */
export async function registerSigningKey(
  request: HubRequest,
  encryptionKey: Uint8Array,
): Promise<Uint8Array> {
  const material = createSigningKeyMaterial(encryptionKey);
  await send(request, SetSigningKeyDocument, {
    signingPublicKey: toBase64(material.signingPublicKey),
    encryptedSigningKey: toBase64(material.encryptedSigningKey),
  });
  return material.signingPrivateKey;
}
