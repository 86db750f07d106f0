import type { OprfEvaluator } from '@parallax/fingerprint';
import { HubError } from '@parallax/hub-client';
import { FingerprintEngine } from './engine';
import type { Fingerprinter, FingerprinterFactory } from './fingerprinter';

const ignoreProgress = (): void => undefined;

const noEvaluator: OprfEvaluator = () =>
  Promise.reject(new HubError('INTERNAL', 'This job needs the hub'));

/** The worker's engine without a worker: for component tests (happy-dom has no module workers). */
export const createInProcessFingerprinter: FingerprinterFactory = (): Fingerprinter => {
  const engine = new FingerprintEngine();
  return {
    run(job, options = {}) {
      // The worker receives a copy of the key; so does the engine here.
      const copy = 'groupKey' in job ? { ...job, groupKey: Uint8Array.from(job.groupKey) } : job;
      return engine.run(
        copy,
        options.evaluator ?? noEvaluator,
        options.onProgress ?? ignoreProgress,
      );
    },
    dispose() {
      engine.clear();
    },
  };
};
