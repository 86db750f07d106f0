/**
 * Worker thread for the hub-side benchmark. Blinded elements arrive packed
 * in one buffer (n × 32 bytes, transferred, not copied) and the evaluated
 * elements go back the same way: cloning thousands of small arrays would
 * cost more than the scalar multiplications.
 */
import { parentPort } from 'node:worker_threads';
import {
  blind,
  evaluateSync,
  generateOprfKey,
  OPRF_ELEMENT_BYTES,
  oprfReady,
} from '@parallax/fingerprint';

await oprfReady();
// warm up: WebAssembly code is tiered up by V8 only once it is hot
const warmKey = generateOprfKey();
evaluateSync(
  warmKey,
  Array.from({ length: 2000 }, (_, i) => blind(Uint8Array.of(i & 0xff, i >> 8)).blindedElement),
);

parentPort?.on('message', (msg: { secretKey: Uint8Array; packed: Uint8Array }) => {
  const n = msg.packed.length / OPRF_ELEMENT_BYTES;
  const elements = Array.from({ length: n }, (_, i) =>
    msg.packed.subarray(i * OPRF_ELEMENT_BYTES, (i + 1) * OPRF_ELEMENT_BYTES),
  );
  const evaluated = evaluateSync(msg.secretKey, elements);
  const out = new Uint8Array(n * OPRF_ELEMENT_BYTES);
  evaluated.forEach((e, i) => out.set(e, i * OPRF_ELEMENT_BYTES));
  parentPort?.postMessage(out, [out.buffer]);
});
parentPort?.postMessage('ready');
