import type { OprfEvaluator } from '@parallax/fingerprint';
import { HubError } from '@parallax/hub-client';
import { createContext, useContext } from 'react';
import { fromFailure, toFailure } from './failure';
import type { FingerprintJob, FromWorker, JobResults, ToWorker } from './protocol';

export interface RunOptions {
  /** Sends blinded elements to the hub (required by the jobs that fingerprint). */
  evaluator?: OprfEvaluator;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Where plaintext identifiers are processed: a Web Worker in the app, the
 * same engine in-process in tests. One instance per form or import: an
 * import's file stays in it between the dry run and the upload; `dispose`
 * ends the worker and everything it held.
 */
export interface Fingerprinter {
  run<K extends FingerprintJob['kind']>(
    job: Extract<FingerprintJob, { kind: K }>,
    options?: RunOptions,
  ): Promise<JobResults[K]>;
  dispose(): void;
}

export type FingerprinterFactory = () => Fingerprinter;

const noEvaluator: OprfEvaluator = () =>
  Promise.reject(new HubError('INTERNAL', 'This job needs the hub'));

/** The app's fingerprinter: a module worker, started on the first job. */
export const createWorkerFingerprinter: FingerprinterFactory = () => {
  let worker: Worker | null = null;
  let nextId = 0;
  const jobs = new Map<
    number,
    {
      resolve: (result: JobResults[keyof JobResults]) => void;
      reject: (error: Error) => void;
      options: RunOptions;
    }
  >();

  const post = (message: ToWorker) => worker?.postMessage(message);

  const start = (): Worker => {
    const created = new Worker(new URL('./fingerprint.worker.ts', import.meta.url), {
      type: 'module',
    });
    created.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const job = jobs.get(message.id);
      if (!job) return;
      switch (message.type) {
        case 'progress':
          job.options.onProgress?.(message.done, message.total);
          return;
        case 'evaluate':
          (job.options.evaluator ?? noEvaluator)(message.blinded).then(
            (elements) => post({ type: 'evaluated', id: message.id, call: message.call, elements }),
            (error: unknown) =>
              post({
                type: 'evaluate-failed',
                id: message.id,
                call: message.call,
                error: toFailure(error),
              }),
          );
          return;
        case 'done':
          jobs.delete(message.id);
          job.resolve(message.result);
          return;
        case 'failed':
          jobs.delete(message.id);
          job.reject(fromFailure(message.error));
          return;
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      for (const job of jobs.values()) job.reject(new HubError('INTERNAL', event.message));
      jobs.clear();
    };
    return created;
  };

  return {
    run(job, options = {}) {
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        jobs.set(id, {
          resolve: resolve as (result: JobResults[keyof JobResults]) => void,
          reject,
          options,
        });
        // A copy of the group key goes to the worker, which wipes it after the job.
        post({ type: 'job', id, job });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const job of jobs.values()) job.reject(new HubError('ABORTED', 'Stopped'));
      jobs.clear();
    },
  };
};

export const FingerprinterContext = createContext<FingerprinterFactory>(createWorkerFingerprinter);

export function useFingerprinterFactory(): FingerprinterFactory {
  return useContext(FingerprinterContext);
}
