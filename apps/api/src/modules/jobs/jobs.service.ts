import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import {
  JOB_QUEUES,
  JOB_SCHEMA,
  MATCH_CASE_QUEUE,
  MATCH_JOBS_PER_FETCH,
  type SweepQueue,
} from './job-queues.js';

export { MATCH_CASE_QUEUE, type SweepQueue } from './job-queues.js';

export type JobHandler = (caseIds: string[]) => Promise<void>;
/** A periodic sweep's work, given the hub clock's time of the run. */
export type SweepHandler = (now: Date) => Promise<void>;

/** Every minute: deadlines and reminders are minute-grained. */
const SWEEP_CRON = '* * * * *';

/**
 * The job queue lives in PostgreSQL (pg-boss, in its own `pgboss` schema, which
 * start-up installs as the database owner: `database/job-schema.ts`), so any
 * number of API replicas share it safely. Jobs are enqueued inside the
 * transaction of the change that causes them: a crash can lose neither the
 * change nor its job.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private handler: JobHandler | null = null;
  private readonly sweeps = new Map<SweepQueue, SweepHandler>();
  private started: Promise<void> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.boss = new PgBoss({
      connectionString: runtime.databaseUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'parallax-jobs',
    });
    this.boss.on('error', (e) => this.logger.error(e.message));
  }

  /** The matching module registers its worker here. */
  onMatchCase(handler: JobHandler): void {
    this.handler = handler;
  }

  /**
   * A module registers its periodic sweep here (in `onModuleInit`); the
   * queue must be listed in `SWEEP_QUEUES` and `JOB_QUEUES`. The handler must
   * be idempotent: a sweep may run twice for the same minute.
   */
  onSweep(queue: SweepQueue, handler: SweepHandler): void {
    if (this.sweeps.has(queue)) throw new Error(`Sweep ${queue} is registered twice`);
    this.sweeps.set(queue, handler);
  }

  /**
   * Queues a sweep to run now rather than at the next minute (tests, and an
   * operator's manual run). Null when one is queued already (the queue
   * keeps at most one waiting).
   */
  async triggerSweep(queue: SweepQueue): Promise<string | null> {
    await this.ensureStarted();
    return this.boss.send(queue, {});
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureStarted();
    if (this.runtime.config.JOBS_ENABLED && this.handler) {
      const handler = this.handler;
      await this.boss.work<{ caseId: string }>(
        MATCH_CASE_QUEUE,
        { batchSize: MATCH_JOBS_PER_FETCH, pollingIntervalSeconds: 0.5 },
        async (jobs) => handler([...new Set(jobs.map((j) => j.data.caseId))]),
      );
    }
    if (this.runtime.config.JOBS_ENABLED) {
      for (const [queue, sweep] of this.sweeps) {
        await this.boss.schedule(queue, SWEEP_CRON);
        await this.boss.work(queue, { pollingIntervalSeconds: 0.5 }, () => sweep(this.clock.now()));
      }
    }
  }

  ensureStarted(): Promise<void> {
    this.started ??= (async () => {
      // The schema and queues exist already (start-up installs them as the
      // owner); this only checks them, with no DDL.
      await this.boss.start();
      for (const queue of JOB_QUEUES) await this.boss.createQueue(queue.name, { ...queue });
    })();
    return this.started;
  }

  /** Enqueues matching for a case within the caller's transaction. */
  async enqueueMatch(m: EntityManager, caseId: string): Promise<void> {
    await this.ensureStarted();
    await this.boss.send(
      MATCH_CASE_QUEUE,
      { caseId },
      {
        db: {
          executeSql: async (text, values) => ({ rows: await m.query<unknown[]>(text, values) }),
        },
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
