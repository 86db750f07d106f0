import { FingerprintEngine } from './engine';
import { fromFailure, toFailure } from './failure';
import type { FromWorker, ToWorker } from './protocol';

/**
 * Normalisation, blinding and HMAC run here, off the main thread, so the
 * page stays responsive during a large import. The worker makes no request
 * itself: blinded elements go to the page, which sends them to the hub
 * through its GraphQL client (one transport, one CSRF header, one connection
 * banner), and the evaluated elements come back.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;
const engine = new FingerprintEngine();
const calls = new Map<number, { resolve: (e: Uint8Array[]) => void; reject: (e: Error) => void }>();
let nextCall = 0;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'evaluated' || message.type === 'evaluate-failed') {
    const pending = calls.get(message.call);
    calls.delete(message.call);
    if (!pending) return;
    if (message.type === 'evaluated') pending.resolve(message.elements);
    else pending.reject(fromFailure(message.error));
    return;
  }
  const { id, job } = message;
  const evaluator = (blinded: Uint8Array[]) =>
    new Promise<Uint8Array[]>((resolve, reject) => {
      const call = nextCall++;
      calls.set(call, { resolve, reject });
      scope.postMessage({ type: 'evaluate', id, call, blinded });
    });
  engine
    .run(job, evaluator, (done, total) => scope.postMessage({ type: 'progress', id, done, total }))
    .then(
      (result) => scope.postMessage({ type: 'done', id, result }),
      (error: unknown) => scope.postMessage({ type: 'failed', id, error: toFailure(error) }),
    )
    .finally(() => {
      // The worker's copy of the group key is not needed after the job.
      if ('groupKey' in job) job.groupKey.fill(0);
    });
};
