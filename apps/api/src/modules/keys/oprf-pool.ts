import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OPRF_ELEMENT_BYTES } from '@parallax/fingerprint';
import { Piscina } from 'piscina';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import type { OprfTask, OprfTaskResult } from './oprf.worker.js';

/**
 * The compiled worker next to this module; when the API runs from its
 * TypeScript sources (the integration tests), the one `nx run api:build`
 * wrote, since a worker thread cannot load TypeScript.
 */
function workerFile(): string {
  const sibling = fileURLToPath(new URL('./oprf.worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  return fileURLToPath(new URL('../../../dist/modules/keys/oprf.worker.js', import.meta.url));
}

export type PoolOutcome =
  | { ok: true; evaluated: Uint8Array[] }
  | { ok: false; invalidIndex: number };

/** What the pool has done, for operators and for the tests that prove the work left the event loop. */
export interface OprfPoolStats {
  batches: number;
  elements: number;
  inFlight: number;
  /** worker_threads id of the last thread that evaluated (the main thread's is 0). */
  lastThreadId: number | null;
}

/** Hub-side OPRF evaluation on worker threads (piscina), so a batch never blocks other requests. */
@Injectable()
export class OprfPool implements OnModuleDestroy {
  private pool: Piscina<OprfTask, OprfTaskResult> | null = null;
  readonly stats: OprfPoolStats = { batches: 0, elements: 0, inFlight: 0, lastThreadId: null };

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  private get workers(): Piscina<OprfTask, OprfTaskResult> {
    this.pool ??= new Piscina<OprfTask, OprfTaskResult>({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: this.runtime.config.OPRF_WORKER_THREADS,
      idleTimeout: 60_000,
    });
    return this.pool;
  }

  /** Validates every element, then evaluates them all under `key`; nothing is evaluated if one is invalid. */
  async evaluate(key: Uint8Array, blinded: readonly Uint8Array[]): Promise<PoolOutcome> {
    const packed = new Uint8Array(blinded.length * OPRF_ELEMENT_BYTES);
    blinded.forEach((e, i) => packed.set(e, i * OPRF_ELEMENT_BYTES));
    this.stats.inFlight++;
    try {
      const result = await this.workers.run({ key: Uint8Array.from(key), packed });
      this.stats.lastThreadId = result.threadId;
      if (!result.ok) return { ok: false, invalidIndex: result.invalidIndex };
      this.stats.batches++;
      this.stats.elements += blinded.length;
      const out = result.packed;
      return {
        ok: true,
        evaluated: Array.from({ length: blinded.length }, (_, i) =>
          out.slice(i * OPRF_ELEMENT_BYTES, (i + 1) * OPRF_ELEMENT_BYTES),
        ),
      };
    } finally {
      this.stats.inFlight--;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
