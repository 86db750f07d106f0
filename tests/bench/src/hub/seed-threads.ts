/** Seeding only: the hub's OPRF key opened with the master key, and direct fingerprints on worker threads. */
import { createDecipheriv } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fmt, say } from './log.js';

/** Opens the hub's sealed OPRF key (AES-256-GCM under the master key; layout: version, iv, tag, ciphertext). */
export function openSealed(masterKey: Buffer, sealed: Buffer, purpose: string): Uint8Array {
  const decipher = createDecipheriv('aes-256-gcm', masterKey, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]));
}

/** Packed fingerprints (32 bytes each) of OPRF input strings, in slices over one worker per core. */
export async function directAll(
  oprfKey: Uint8Array,
  groupKey: Uint8Array,
  inputs: string[],
): Promise<Uint8Array> {
  const threads = Math.max(1, availableParallelism());
  const workerPath = fileURLToPath(new URL('./seed-worker.js', import.meta.url));
  const workers = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Worker>((resolve, reject) => {
          const w = new Worker(workerPath);
          w.once('message', () => resolve(w));
          w.once('error', reject);
        }),
    ),
  );
  const out = new Uint8Array(inputs.length * 32);
  const SLICE = 5_000;
  let next = 0;
  let done = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let start = 0;
          const send = (): void => {
            if (next >= inputs.length) {
              resolve();
              return;
            }
            start = next;
            next += SLICE;
            w.postMessage({ oprfKey, groupKey, inputs: inputs.slice(start, start + SLICE) });
          };
          w.on('error', reject);
          w.on('message', (packed: Uint8Array) => {
            out.set(packed, start * 32);
            done += packed.length / 32;
            if (done % 100_000 < SLICE) say(`  ${fmt(done)} / ${fmt(inputs.length)} keys`);
            send();
          });
          send();
        }),
    ),
  );
  await Promise.all(workers.map((w) => w.terminate()));
  return out;
}
