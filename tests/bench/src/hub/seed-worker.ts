/** Worker thread: direct fingerprints for a slice of the seed's keys (packed result, transferred). */
import { parentPort } from 'node:worker_threads';
import { oprfReady } from '@parallax/fingerprint';
import { directFingerprints } from './direct-fingerprint.js';

await oprfReady();
parentPort?.on(
  'message',
  (msg: { oprfKey: Uint8Array; groupKey: Uint8Array; inputs: string[] }) => {
    const packed = directFingerprints(msg.oprfKey, msg.groupKey, msg.inputs);
    parentPort?.postMessage(packed, [packed.buffer as ArrayBuffer]);
  },
);
parentPort?.postMessage('ready');
