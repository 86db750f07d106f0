/**
 * `npm run bench:fingerprint [-- COUNT]`: throughput of fingerprinting on
 * COUNT (default 10,000) synthetic persons from the deterministic generator:
 * key extraction; the client side (keys + blind + finalise + HMAC) measured
 * without the evaluator's time; and the hub side (OPRF evaluations per
 * second), on one thread and on worker threads.
 */
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  evaluateSync,
  extractKeys,
  fingerprintPersons,
  generateGroupKey,
  generateOprfKey,
  OPRF_ELEMENT_BYTES,
  oprfReady,
  type OprfEvaluator,
} from '@parallax/fingerprint';
import { syntheticPersons } from './generator.js';

const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count <= 0) {
  process.stderr.write('bench:fingerprint: COUNT must be a positive integer\n');
  process.exit(2);
}
const seconds = (start: number): number => (performance.now() - start) / 1000;
const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');

await oprfReady();
const persons = syntheticPersons(count);
const out: string[] = [];
out.push('# Fingerprint benchmark');
out.push(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`,
);
out.push(
  `persons: ${count.toLocaleString('en-US')} synthetic (deterministic generator, seed 20240601)`,
);

// 1. key extraction alone
let t = performance.now();
const keyCounts = persons.map((p) => extractKeys(p).length);
const keySeconds = seconds(t);
const totalKeys = keyCounts.reduce((a, b) => a + b, 0);
out.push('');
out.push(
  `key extraction: ${rate(count, keySeconds)} records/s (${(totalKeys / count).toFixed(1)} keys per record, ${totalKeys.toLocaleString('en-US')} keys)`,
);

// 2. the client pipeline, timing the evaluator separately
const secretKey = generateOprfKey();
let evaluatorSeconds = 0;
let evaluated = 0;
const captured: Uint8Array[] = [];
const timedEvaluator: OprfEvaluator = async (blinded) => {
  const start = performance.now();
  const result = evaluateSync(secretKey, blinded);
  evaluatorSeconds += seconds(start);
  evaluated += blinded.length;
  if (captured.length < 60_000) captured.push(...blinded.slice(0, 60_000 - captured.length));
  return result;
};
t = performance.now();
const cpuBefore = process.cpuUsage();
await fingerprintPersons(persons, { groupKey: generateGroupKey(), evaluator: timedEvaluator });
const totalSeconds = seconds(t);
const cpu = process.cpuUsage(cpuBefore);
const clientSeconds = totalSeconds - evaluatorSeconds;
out.push(
  `client side (keys + blind + finalise + HMAC, one thread): ${rate(count, clientSeconds)} records/s ` +
    `(${rate(evaluated, clientSeconds)} keys/s; ${evaluated.toLocaleString('en-US')} distinct keys evaluated)`,
);
out.push(
  `end to end offline (client + local evaluator, one thread): ${rate(count, totalSeconds)} records/s`,
);
// CPU time, unlike the rates above, barely moves with the machine's load: compare versions by it.
out.push(
  `  CPU time: ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms per record (${process.version}, user + system)`,
);

// 3. hub side: evaluations per second
t = performance.now();
evaluateSync(secretKey, captured);
const single = seconds(t);
out.push('');
out.push(
  `hub side, one thread: ${rate(captured.length, single)} OPRF evaluations/s (${captured.length.toLocaleString('en-US')} blinded elements)`,
);

const threads = Math.max(2, availableParallelism());
const workerUrl = new URL('./eval-worker.js', import.meta.url);
const workers = await Promise.all(
  Array.from(
    { length: threads },
    () =>
      new Promise<Worker>((resolve, reject) => {
        const w = new Worker(fileURLToPath(workerUrl));
        w.once('message', () => resolve(w));
        w.once('error', reject);
      }),
  ),
);
const chunk = Math.ceil(captured.length / threads);
t = performance.now();
const results = await Promise.all(
  workers.map(
    (w, i) =>
      new Promise<Uint8Array>((resolve) => {
        const part = captured.slice(i * chunk, (i + 1) * chunk);
        const packed = new Uint8Array(part.length * OPRF_ELEMENT_BYTES);
        part.forEach((e, j) => packed.set(e, j * OPRF_ELEMENT_BYTES));
        w.once('message', (evaluatedPacked: Uint8Array) => resolve(evaluatedPacked));
        w.postMessage({ secretKey, packed }, [packed.buffer]);
      }),
  ),
);
const parallel = seconds(t);
const returned = results.reduce((n, r) => n + r.length / OPRF_ELEMENT_BYTES, 0);
if (returned !== captured.length)
  throw new Error(`workers returned ${returned} of ${captured.length} elements`);
await Promise.all(workers.map((w) => w.terminate()));
out.push(
  `hub side, ${threads} worker threads: ${rate(captured.length, parallel)} OPRF evaluations/s (elements packed in one transferred buffer per worker)`,
);

process.stdout.write(`${out.join('\n')}\n`);
