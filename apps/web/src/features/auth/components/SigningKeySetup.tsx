import { registerSigningKey } from '@parallax/hub-client';
import { openSigningKey } from '@parallax/identity';
import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { base64ToBytes } from '../../../crypto/base64';
import { useKeyStore, useUnlockedKeys } from '../../../crypto/key-store';
import { urqlHubRequest } from '../../../hub/hub-request';
import { useSession } from '../hooks/session';

/**
 * Completes the unlocked keys with the user's Ed25519 signing key, whatever
 * path unlocked them (login, "Unlock keys", sign-up, password change): opens
 * the sealed copy the hub keeps, or — for an account made before signing keys
 * existed — makes one on this device, seals it under the same password-derived
 * key and registers it (`setSigningKey`, accepted only while the account has
 * none). Renders nothing.
 */
export function SigningKeySetup() {
  const { viewer, refresh } = useSession();
  const keyStore = useKeyStore();
  const keys = useUnlockedKeys(viewer?.user.id);
  const client = useClient();
  const busy = useRef(false);

  const userId = viewer?.user.id;
  const sealed = viewer?.encryptedSigningKey ?? null;
  const hasSigningKey = keys?.signingPrivateKey != null;
  const encryptionKey = keys?.encryptionKey;

  useEffect(() => {
    if (!userId || !encryptionKey || hasSigningKey || busy.current) return;
    if (sealed) {
      try {
        keyStore.setSigningKey(userId, openSigningKey(base64ToBytes(sealed), encryptionKey));
      } catch {
        // A blob that does not open leaves signing unavailable; nothing is signed meanwhile.
      }
      return;
    }
    busy.current = true;
    // Background work never prompts for a second factor: no step-up here.
    void registerSigningKey(urqlHubRequest(client), encryptionKey)
      .then(
        (signingPrivateKey) => keyStore.setSigningKey(userId, signingPrivateKey),
        () => undefined, // Another tab may have registered one meanwhile: the refresh shows it.
      )
      .then(() => refresh())
      .finally(() => {
        busy.current = false;
      });
  }, [userId, sealed, hasSigningKey, encryptionKey, keyStore, client, refresh]);

  return null;
}
