import type { KdfParams } from '@parallax/identity';
import { createContext, useContext } from 'react';
import type { DerivedKeys, KdfRequest, KdfResponse, NewAccountKeys } from './kdf-protocol';

/** The slow, memory-hard password work; a context so tests can run it without a worker. */
export interface KeyDerivation {
  derive(password: string, salt: Uint8Array, params: KdfParams): Promise<DerivedKeys>;
  createAccount(password: string): Promise<NewAccountKeys>;
}

function runInWorker(request: KdfRequest): Promise<KdfResponse> {
  // One worker per run: terminating it returns argon2's 64 MiB to the system
  // at once, which matters on the low-end phones many users have.
  const worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<KdfResponse>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<KdfResponse>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The key derivation worker failed'));
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

export const workerKeyDerivation: KeyDerivation = {
  async derive(password, salt, params) {
    const response = await runInWorker({ kind: 'derive', password, salt, params });
    if (!response.ok) throw new Error(response.message);
    if (response.kind !== 'derive') throw new Error('Unexpected worker response');
    return response.keys;
  },
  async createAccount(password) {
    const response = await runInWorker({ kind: 'create-account', password });
    if (!response.ok) throw new Error(response.message);
    if (response.kind !== 'create-account') throw new Error('Unexpected worker response');
    return response.keys;
  },
};

export const KeyDerivationContext = createContext<KeyDerivation>(workerKeyDerivation);

export function useKeyDerivation(): KeyDerivation {
  return useContext(KeyDerivationContext);
}
