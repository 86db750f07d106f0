import type { KdfParams } from '@parallax/identity';
import type { CombinedError } from '@urql/core';
import { useCallback } from 'react';
import { useClient } from 'urql';
import { base64ToBytes } from '../../../crypto/base64';
import type { DerivedKeys } from '../../../crypto/kdf-protocol';
import { useKeyDerivation } from '../../../crypto/key-derivation';
import { LoginParametersDocument } from '../../../gql/graphql';

export type PasswordDerivation =
  | { ok: true; keys: DerivedKeys }
  | { ok: false; error: CombinedError }
  | { ok: false; error: null };

/**
 * Derives an account's login and encryption keys from its password, with the
 * salt and cost the hub stores for that e-mail (unknown addresses get a
 * stable fake salt, so this reveals nothing about who has an account).
 */
export function usePasswordDerivation(): (
  email: string,
  password: string,
) => Promise<PasswordDerivation> {
  const client = useClient();
  const kdf = useKeyDerivation();
  return useCallback(
    async (email, password) => {
      const result = await client
        .query(LoginParametersDocument, { email }, { requestPolicy: 'network-only' })
        .toPromise();
      const parameters = result.data?.loginParameters;
      if (!parameters) return { ok: false, error: result.error ?? null };
      if (parameters.algorithm !== 'argon2id') return { ok: false, error: null };
      const params: KdfParams = {
        algorithm: 'argon2id',
        memoryKiB: parameters.memoryKiB,
        iterations: parameters.iterations,
        parallelism: parameters.parallelism,
      };
      try {
        return {
          ok: true,
          keys: await kdf.derive(password, base64ToBytes(parameters.salt), params),
        };
      } catch {
        return { ok: false, error: null };
      }
    },
    [client, kdf],
  );
}
