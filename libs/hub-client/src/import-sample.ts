import {
  createLocalEvaluator,
  fingerprintPersons,
  generateGroupKey,
  generateOprfKey,
  type ExtractKeysOptions,
  type FtmPerson,
} from '@parallax/fingerprint';
import { ESTIMATE_SAMPLE_RECORDS } from './import-estimate.js';

/**
 * This device's time to fingerprint one record (ms), for the import's time
 * estimate: a few records fingerprinted under throw-away keys, evaluated
 * locally (slightly more than the client's share, which errs on the long
 * side). The fingerprints are discarded; nothing is sent.
 */
export async function measureClientMsPerRecord(
  persons: readonly FtmPerson[],
  options: ExtractKeysOptions,
): Promise<number> {
  const sample = persons.slice(0, ESTIMATE_SAMPLE_RECORDS);
  if (sample.length === 0) return 0;
  const oprfKey = generateOprfKey();
  const groupKey = generateGroupKey();
  // The first call loads the WebAssembly: not part of the rate.
  await fingerprintPersons(sample.slice(0, 1), {
    ...options,
    groupKey,
    evaluator: createLocalEvaluator(oprfKey),
  });
  const started = globalThis.performance.now();
  await fingerprintPersons(sample, {
    ...options,
    groupKey,
    evaluator: createLocalEvaluator(oprfKey),
  });
  const ms = globalThis.performance.now() - started;
  oprfKey.fill(0);
  groupKey.fill(0);
  return ms / sample.length;
}
