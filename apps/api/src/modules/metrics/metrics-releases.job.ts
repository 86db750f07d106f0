import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { METRICS_RELEASES_QUEUE } from '../jobs/job-queues.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MetricsComputeService } from './metrics-compute.service.js';

/**
 * The `metrics-releases` sweep (every minute, idempotent): for each working
 * group that existed before the last complete month ended and has no
 * release of it (of any status: a withheld month is not recomputed behind
 * the coordinators' back), computes a draft, charged to the ledger. A group
 * whose yearly budget would be exceeded is skipped, with an info line that
 * names the group and the month, never a number.
 */
@Injectable()
export class MetricsReleasesJob implements OnModuleInit {
  private readonly logger = new Logger('MetricsReleases');

  constructor(
    private readonly metrics: MetricsComputeService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.onSweep(METRICS_RELEASES_QUEUE, (now) => this.run(now).then(() => undefined));
  }

  /** Computes the drafts due at `now`; returns how many were made. */
  async run(now: Date): Promise<number> {
    const { period, groups } = await this.metrics.dueForSweep(now);
    let made = 0;
    for (const group of groups) {
      let outcome: Awaited<ReturnType<MetricsComputeService['computeAsJob']>>;
      try {
        outcome = await this.metrics.computeAsJob(group, period);
      } catch (e) {
        // One group's failure must not starve the others; the next minute retries it.
        // Only the error's code is logged: a database error's text may quote values.
        const code = (e as { code?: unknown }).code;
        this.logger.error(
          `no ${period} release for working group ${group.id}: ${typeof code === 'string' ? code : 'error'}`,
        );
        continue;
      }
      if (outcome === 'computed') made++;
      if (outcome === 'exhausted')
        this.logger.log(
          `privacy budget exhausted: no ${period} release for working group ${group.id}`,
        );
    }
    if (made > 0) this.logger.log(`computed ${made} draft release(s) for ${period}`);
    return made;
  }
}
